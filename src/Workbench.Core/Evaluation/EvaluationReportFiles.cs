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

    public static string ToJson(AnswerEvaluationReport report) => JsonSerializer.Serialize(report, Json);

    public static string ToMarkdown(AnswerEvaluationReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Answer evaluation: {report.Dataset}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"{report.RanAt:yyyy-MM-dd HH:mm} UTC · {report.Questions:N0} questions, {report.Probed:N0} of them asked with their gold documents filtered out (the unanswerable probe) · {report.Passages:N0} passages");
        text.AppendLine();
        text.AppendLine("| composer | ROUGE-L F1 | token F1 | gold citation | citation precision | supported | words p50 | abstention recall | false abstention | p50 ms | p95 ms | questions |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var c in report.Composers)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {c.Composer}{(c.Default ? " (default)" : "")} | {c.RougeLF1:F3} | {c.TokenF1:F3} | {c.GoldCitationRate:F3} | {c.CitationPrecision:F3} | {c.SupportedShare:F3} | {c.WordsP50:F0} | {c.AbstentionRecall:F3} | {c.FalseAbstention:F3} | {c.P50Ms:F1} | {c.P95Ms:F1} | {c.Questions} |");
        }

        return text.ToString();
    }

    /// <summary>Writes <c>{time}-{dataset}.json</c> and <c>.md</c> into the folder; returns the JSON path.</summary>
    public static string Write(RetrievalEvaluationReport report, string directory) =>
        Write(directory, $"{report.RanAt:yyyyMMdd-HHmmss}-{report.Dataset}", ToJson(report), ToMarkdown(report));

    /// <summary>Writes <c>{time}-{dataset}-answers.json</c> and <c>.md</c> into the folder; returns the JSON path.</summary>
    public static string Write(AnswerEvaluationReport report, string directory) =>
        Write(directory, $"{report.RanAt:yyyyMMdd-HHmmss}-{report.Dataset}-answers", ToJson(report), ToMarkdown(report));

    private static string Write(string directory, string name, string json, string markdown)
    {
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, name);
        File.WriteAllText(stem + ".json", json);
        File.WriteAllText(stem + ".md", markdown);
        return stem + ".json";
    }
}
