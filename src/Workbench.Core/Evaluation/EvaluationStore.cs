using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Evaluation;

/// <summary>A stored evaluation result: one retriever configuration on one data set at one time.</summary>
public sealed record StoredEvaluationResult(Guid RunId, string Dataset, DateTimeOffset RanAt, string Configuration, int Passages, RetrieverScore Score);

/// <summary>A stored answer evaluation result: one composer on one data set at one time.</summary>
public sealed record StoredAnswerEvaluationResult(Guid RunId, string Dataset, DateTimeOffset RanAt, int Probed, int Passages, ComposerScore Score);

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

    public async Task SaveAsync(AnswerEvaluationReport report, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runId = Guid.NewGuid();
        db.AnswerEvaluationResults.AddRange(report.Composers.Select(c => new AnswerEvaluationResultEntity
        {
            RunId = runId,
            Dataset = report.Dataset,
            RanAtUtc = report.RanAt.UtcDateTime,
            Composer = c.Composer,
            IsDefault = c.Default,
            Questions = c.Questions,
            Probed = report.Probed,
            Passages = report.Passages,
            RougeLF1 = c.RougeLF1,
            TokenF1 = c.TokenF1,
            GoldCitationRate = c.GoldCitationRate,
            CitationPrecision = c.CitationPrecision,
            SupportedShare = c.SupportedShare,
            WordsP50 = c.WordsP50,
            AbstentionRecall = c.AbstentionRecall,
            FalseAbstention = c.FalseAbstention,
            P50Ms = c.P50Ms,
            P95Ms = c.P95Ms,
        }));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every stored answer evaluation result, oldest first.</summary>
    public async Task<IReadOnlyList<StoredAnswerEvaluationResult>> ListAnswersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.AnswerEvaluationResults.AsNoTracking().OrderBy(r => r.RanAtUtc).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        return rows.Select(r => new StoredAnswerEvaluationResult(
            r.RunId,
            r.Dataset,
            StoredTime.Utc(r.RanAtUtc),
            r.Probed,
            r.Passages,
            new ComposerScore(r.Composer, r.IsDefault, r.RougeLF1, r.TokenF1, r.GoldCitationRate, r.CitationPrecision, r.SupportedShare,
                r.WordsP50, r.AbstentionRecall, r.FalseAbstention, r.P50Ms, r.P95Ms, r.Questions))).ToList();
    }
}
