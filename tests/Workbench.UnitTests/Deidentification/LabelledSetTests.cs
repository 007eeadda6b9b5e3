using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Deidentification;

/// <summary>
/// The de-identifier against 236 synthetic snippets with known identifiers, 220 clinical-note snippets written
/// (and committed) before the rules were changed for them, and the bundled corpus.
/// </summary>
public class LabelledSetTests
{
    private static readonly IReadOnlyList<LabelledSnippet> Snippets =
        DeidentificationEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Deidentification", "labelled-snippets.jsonl"));

    private static readonly IReadOnlyList<LabelledSnippet> ClinicalNotes =
        DeidentificationEvaluation.Load(Path.Combine(AppContext.BaseDirectory, "Deidentification", "clinical-notes.jsonl"));

    [Fact]
    public void TheLabelledSetIsLargeAndCoversEveryKind()
    {
        Assert.True(Snippets.Count >= 200);
        Assert.Equal(Enum.GetValues<IdentifierKind>().Length - 1, Snippets.SelectMany(s => s.Identifiers).Select(i => i.Kind).Distinct().Count());
    }

    [Fact]
    public void RecallOnTheClinicalNotesIsAtLeastNinetyEightPercentAndTheirMedicineSurvives()
    {
        var score = DeidentificationEvaluation.Score(ClinicalNotes);

        Assert.True(ClinicalNotes.Count >= 200);
        Assert.True(score.Recall >= 0.98, $"recall {score.Recall:P2}: " + string.Join("; ", score.Kinds.Where(k => k.Recall < 1).Select(k => $"{k.Kind} {k.Found}/{k.Labelled}")));
        Assert.Equal(0, score.KeepViolations);
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

        Assert.Equal(0, report.HeadingRedactions);
        Assert.True(report.PerThousandWords <= 0.1, $"{report.Redactions.Count} redactions in {report.Words} words: " + string.Join("; ", report.Redactions.Select(r => $"{r.Document} {r.Kind} '{r.Span}'")));
    }
}
