using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Deidentification;

/// <summary>The de-identifier against 236 synthetic snippets with known identifiers, and the bundled corpus.</summary>
public class LabelledSetTests
{
    private static readonly IReadOnlyList<LabelledSnippet> Snippets =
        DeidentificationEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Deidentification", "labelled-snippets.jsonl"));

    [Fact]
    public void TheLabelledSetIsLargeAndCoversEveryKind()
    {
        Assert.True(Snippets.Count >= 200);
        Assert.Equal(Enum.GetValues<IdentifierKind>().Length, Snippets.SelectMany(s => s.Identifiers).Select(i => i.Kind).Distinct().Count());
    }

    [Fact]
    public void RecallIsAtLeastNinetyNinePercentOverall()
    {
        var score = DeidentificationEvaluation.Score(Snippets);

        Assert.True(score.Recall >= 0.99, $"recall {score.Recall:P2}: " + string.Join("; ", score.Kinds.Where(k => k.Recall < 1).Select(k => $"{k.Kind} {k.Found}/{k.Labelled}")));
    }

    [Fact]
    public void NoClinicalValueIsRedacted()
    {
        var score = DeidentificationEvaluation.Score(Snippets);

        Assert.Equal(0, score.KeepViolations);
        Assert.True(score.Precision >= 0.95, $"precision {score.Precision:P2}");
    }

    [Fact]
    public void TheBundledGuidelineCorpusIsLeftAlmostUntouched()
    {
        var corpus = new MarkdownCorpusSource(RepositoryPaths.Corpus).Read().Documents;

        var report = DeidentificationEvaluation.OnCorpus(corpus, AllowList.Empty);

        Assert.True(report.PerThousandWords < 1.0, $"{report.Redactions.Count} redactions in {report.Words} words: " + string.Join("; ", report.Redactions.Select(r => $"{r.Document} {r.Kind} '{r.Span}'")));
    }
}
