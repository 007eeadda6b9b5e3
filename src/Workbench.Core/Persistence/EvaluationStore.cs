using Microsoft.EntityFrameworkCore;
using Workbench.Core.Evaluation;

namespace Workbench.Core.Persistence;

/// <summary>A stored evaluation result: one retriever configuration on one data set at one time.</summary>
public sealed record StoredEvaluationResult(Guid RunId, string Dataset, DateTimeOffset RanAt, string Configuration, int Passages, RetrieverScore Score);

/// <summary>Evaluation results over time, so configurations can be compared on the workbench's evaluation page.</summary>
public sealed class EvaluationStore(IDbContextFactory<WorkbenchDbContext> contexts)
{
    public async Task SaveAsync(RetrievalEvaluationReport report, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runId = Guid.NewGuid();
        db.EvaluationResults.AddRange(report.Retrievers.Select(r => new EvaluationResultEntity
        {
            RunId = runId,
            Dataset = report.Dataset,
            RanAtUtc = report.RanAt.UtcDateTime,
            Retriever = r.Retriever,
            EmbeddingModel = report.EmbeddingModel,
            ChunkTokens = report.ChunkTokens,
            OverlapTokens = report.OverlapTokens,
            Documents = report.Documents,
            Passages = report.Passages,
            Questions = r.Questions,
            Recall1 = r.Recall1,
            Recall5 = r.Recall5,
            Recall10 = r.Recall10,
            Mrr10 = r.Mrr10,
            Ndcg10 = r.Ndcg10,
            P50Ms = r.P50Ms,
            P95Ms = r.P95Ms,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every stored result, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvaluationResult>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.EvaluationResults.AsNoTracking().OrderBy(r => r.RanAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new StoredEvaluationResult(
            r.RunId,
            r.Dataset,
            StoredTime.Utc(r.RanAtUtc),
            $"{r.Retriever} · {r.EmbeddingModel} · {r.ChunkTokens}/{r.OverlapTokens}",
            r.Passages,
            new RetrieverScore(r.Retriever, r.Questions, r.Recall1, r.Recall5, r.Recall10, r.Mrr10, r.Ndcg10, r.P50Ms, r.P95Ms))).ToList();
    }
}
