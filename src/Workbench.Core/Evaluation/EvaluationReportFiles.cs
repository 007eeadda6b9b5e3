using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workbench.Core.Evaluation;

/// <summary>Writes a report as JSON (for machines) and Markdown (for people).</summary>
public static class EvaluationReportFiles
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The per-retriever fields keyed by retriever, as the command's --json file holds them.</summary>
    public static string ToJson(RetrievalEvaluationReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(RetrievalEvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Retrieval evaluation: {report.Dataset}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.RanAt:yyyy-MM-dd HH:mm} UTC · {report.Documents:N0} documents, {report.Passages:N0} passages · relevance by {report.Relevance} · {report.EmbeddingModel}, chunks of {report.ChunkTokens} tokens with {report.OverlapTokens} overlap");
        text.AppendLine();
        text.AppendLine("| retriever | questions | recall@1 | recall@5 | recall@10 | MRR@10 | nDCG@10 | nDCG@10 − dense [95% CI] | p50 ms | p95 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in report.Retrievers)
        {
            var difference = r.NdcgVsDense is { } d ? $"{d.Value:+0.000;−0.000;0.000} [{d.Lower:+0.000;−0.000;0.000}, {d.Upper:+0.000;−0.000;0.000}]" : "–";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Retriever} | {r.Questions} | {r.Recall1:F3} | {r.Recall5:F3} | {r.Recall10:F3} | {r.Mrr10:F3} | {r.Ndcg10:F3} | {difference} | {r.P50Ms:F1} | {r.P95Ms:F1} |");
        }

        return text.ToString();
    }

    /// <summary>Writes <c>{time}-{dataset}.json</c> and <c>.md</c> into the folder; returns the JSON path.</summary>
    public static string Write(RetrievalEvaluationReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{report.RanAt:yyyyMMdd-HHmmss}-{report.Dataset}");
        File.WriteAllText(stem + ".json", ToJson(report));
        File.WriteAllText(stem + ".md", ToMarkdown(report));
        return stem + ".json";
    }
}
