using System.Text.Json;

namespace Workbench.Core.Answering.Verification;

/// <summary>One labelled (sentence, passage, supported?) pair, with the kind of edit that made it (hard negatives).</summary>
public sealed record LabelledPair(string Document, string Passage, string Sentence, bool Supported, string Kind);

public sealed record KindScore(string Kind, bool Supported, int Pairs, int Correct);

/// <summary>How well the verifier finds unsupported sentences: "positive" means judged unsupported.</summary>
public sealed record VerificationScore(int Pairs, int Unsupported, int JudgedUnsupported, int Caught, IReadOnlyList<KindScore> Kinds)
{
    public double Recall => Unsupported == 0 ? 1 : (double)Caught / Unsupported;

    public double Precision => JudgedUnsupported == 0 ? 1 : (double)Caught / JudgedUnsupported;
}

public static class VerificationEvaluation
{
    public static IReadOnlyList<LabelledPair> Load(string path)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return File.ReadLines(path).Where(l => l.Trim().Length > 0)
            .Select((line, i) => JsonSerializer.Deserialize<LabelledPair>(line, options) ?? throw new InvalidDataException($"line {i + 1} is empty"))
            .ToList();
    }

    public static VerificationScore Score(IReadOnlyList<LabelledPair> pairs, IReadOnlyList<SupportVerdict> verdicts)
    {
        var judged = pairs.Zip(verdicts, (p, v) => (Pair: p, Unsupported: v.Level == SupportLevel.Unsupported)).ToList();
        var kinds = judged.GroupBy(j => (j.Pair.Kind, j.Pair.Supported))
            .OrderBy(g => g.Key.Supported).ThenBy(g => g.Key.Kind, StringComparer.Ordinal)
            .Select(g => new KindScore(g.Key.Kind, g.Key.Supported, g.Count(), g.Count(j => j.Unsupported != j.Pair.Supported)))
            .ToList();
        return new VerificationScore(pairs.Count, judged.Count(j => !j.Pair.Supported), judged.Count(j => j.Unsupported),
            judged.Count(j => j.Unsupported && !j.Pair.Supported), kinds);
    }
}
