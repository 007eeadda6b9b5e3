using System.Text.Json;
using Workbench.Core.Deidentification;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Deidentification;

/// <summary>
/// Redactions the old rules made in public text (GARD, GHR and PubMedQA, from <c>bench deid --out</c>), each
/// labelled PHI or not, and the eponym list: what public medicine must keep.
/// </summary>
public class PublicTextTests
{
    private sealed record LabelledRedaction(string Source, string Document, string Field, string Kind, string Before, string Span, string After, bool Phi, string Reason);

    private static readonly IReadOnlyList<LabelledRedaction> Labelled = File
        .ReadLines(Path.Combine(AppContext.BaseDirectory, "Deidentification", "public-redactions-labelled.jsonl"))
        .Select(l => JsonSerializer.Deserialize<LabelledRedaction>(l, new JsonSerializerOptions(JsonSerializerDefaults.Web))!)
        .ToList();

    [Fact]
    public void AtLeast200RedactionsFromBothSourcesAreLabelled()
    {
        Assert.True(Labelled.Count >= 200);
        Assert.Contains(Labelled, l => l.Source == "GARD+GHR");
        Assert.Contains(Labelled, l => l.Source == "PubMedQA");
        Assert.All(Labelled, l => Assert.False(string.IsNullOrWhiteSpace(l.Reason)));
    }

    [Fact]
    public void MostFalseRedactionsOfTheOldRulesAreGoneAndEveryTrueOneStays()
    {
        var stillRedacted = Labelled.Where(l => IsRedacted(l)).ToList();

        Assert.All(Labelled.Where(l => l.Phi), l => Assert.Contains(l, stillRedacted));
        var falseOnes = Labelled.Where(l => !l.Phi).ToList();
        // Each is replayed with only its 60 characters of context, so a study period whose sentence says "patients"
        // farther away is still redacted here; bench deid on the whole documents measures the rate.
        Assert.True(stillRedacted.Count(l => !l.Phi) <= falseOnes.Count / 5,
            $"{stillRedacted.Count} of {falseOnes.Count} still redacted: " + string.Join("; ", stillRedacted.Select(l => $"{l.Kind} '{l.Span}'")));
    }

    [Fact]
    public void TheEponymListHasAtLeast300EntriesEachWithItsSource()
    {
        var lines = File.ReadLines(Path.Combine(RepositoryPaths.Root, "src", "Workbench.Core", "Deidentification", "eponyms.tsv"))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("eponym\t", StringComparison.Ordinal)).ToList();

        Assert.True(PublicNames.Eponyms.Count >= 300);
        Assert.Equal(lines.Count, PublicNames.Eponyms.Count);
        Assert.All(lines, l => Assert.Equal(4, l.Split('\t').Count(f => f.Trim().Length > 0)));
    }

    [Fact]
    public void EveryEponymSurvivesInEveryMedicalContext()
    {
        string[] contexts = ["{0}'s disease", "{0} disease", "{0} syndrome", "{0} sign", "{0} test"];
        var damaged = PublicNames.Eponyms
            .SelectMany(e => contexts.Select(c => $"The patient was assessed for {string.Format(System.Globalization.CultureInfo.InvariantCulture, c, e)} today."))
            .Where(text => Deidentifier.Redact(text).Redactions.Count > 0)
            .ToList();

        Assert.Empty(damaged);
    }

    private static bool IsRedacted(LabelledRedaction l)
    {
        var text = l.Before + l.Span + l.After;
        var start = l.Before.Length;
        return Deidentifier.Redact(text, AllowList.Empty, titleCase: l.Field != "text").Redactions.Any(r => r.Overlaps(start, start + l.Span.Length));
    }
}
