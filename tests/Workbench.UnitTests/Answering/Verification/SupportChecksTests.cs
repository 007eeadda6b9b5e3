using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

/// <summary>The verifier's model-free checks on hard cases of the kinds the labelled set holds.</summary>
public class SupportChecksTests
{
    private const string Aspirin = "The USPSTF recommends the use of low-dose aspirin (81 mg/day) as preventive medication for preeclampsia after 12 weeks of gestation in pregnant people who are at high risk for preeclampsia.";
    private const string Starches = "The guidelines recommend against using starches for resuscitation, and suggest using albumin in patients who have received large volumes of crystalloids.";
    private const string Crystalloids = "The guidelines suggest using balanced crystalloids instead of normal saline for resuscitation.";

    [Theory]
    [InlineData("Low-dose aspirin (81 mg/day) is recommended after 12 weeks of gestation for pregnant people at high risk.")]
    [InlineData("For pregnant people at high risk of preeclampsia, the USPSTF advises daily low-dose aspirin, 81 mg, from twelve weeks of gestation.")]
    public void FaithfulSentencesRaiseNoObjection(string sentence) =>
        Assert.Empty(SupportChecks.Contradictions(sentence, Aspirin));

    [Theory]
    [InlineData("Low-dose aspirin (162 mg/day) is recommended after 12 weeks of gestation.", "162")]
    [InlineData("Low-dose aspirin (81 mg/day) is recommended after 16 weeks of gestation.", "16")]
    [InlineData("Low-dose aspirin (81 g/day) is recommended after 12 weeks of gestation.", "not g")]
    [InlineData("Low-dose aspirin is recommended after 12 months of gestation.", "not month")]
    [InlineData("Low-dose aspirin is not recommended after 12 weeks of gestation in pregnant people at high risk.", "opposite")]
    [InlineData("Low-dose aspirin is recommended after 12 weeks of gestation for children at high risk.", "'children'")]
    public void ChangedNumbersUnitsNegationAndPopulationsAreCaught(string sentence, string reason) =>
        Assert.Contains(SupportChecks.Contradictions(sentence, Aspirin), r => r.Contains(reason, StringComparison.Ordinal));

    [Fact]
    public void ClausesKeepTheirOwnPolarity()
    {
        Assert.Empty(SupportChecks.Contradictions("The guidelines suggest using albumin in patients who have received large volumes of crystalloids.", Starches));
        Assert.NotEmpty(SupportChecks.Contradictions("The guidelines recommend using starches for resuscitation.", Starches));
    }

    [Fact]
    public void AReversedPreferenceIsCaught()
    {
        Assert.Empty(SupportChecks.Contradictions("Balanced crystalloids are suggested rather than normal saline for resuscitation.", Crystalloids));
        Assert.Contains(SupportChecks.Contradictions("The guidelines suggest using normal saline instead of balanced crystalloids for resuscitation.", Crystalloids),
            r => r.Contains("other way round", StringComparison.Ordinal));
    }

    [Fact]
    public void AJoinedClauseThePassageDoesNotMakeIsCaught()
    {
        const string Passage = "Evidence from randomized trials shows that PSA-based screening in men aged 55 to 69 years may prevent a small number of deaths from prostate cancer.";

        Assert.Contains(SupportChecks.Contradictions("PSA screening of men aged 55 to 69 may prevent a small number of prostate cancer deaths, and it also reduces all-cause mortality.", Passage),
            r => r.Contains("does not say that it also reduces all-cause mortality", StringComparison.Ordinal));
        Assert.Empty(SupportChecks.Contradictions("In men aged 55 to 69, PSA-based screening may prevent a small number of prostate cancer deaths, as randomized trials show.", Passage));
    }

    [Fact]
    public void OppositeWordsAreCaughtInAnyInflection() =>
        Assert.Contains(SupportChecks.Contradictions("The ADA recommends stopping metformin when insulin therapy is started.",
            "The ADA recommends that metformin be continued when insulin therapy is started, unless it is contraindicated or not tolerated."),
            r => r.Contains("where the passage says", StringComparison.Ordinal));

    [Fact]
    public void CoverageIsTheShareOfContentWordsThePassageHas()
    {
        Assert.Equal(1.0, SupportChecks.Coverage("low-dose aspirin prevents preeclampsia", "Low-dose aspirin is used to prevent preeclampsia."), 2);
        Assert.True(SupportChecks.Coverage("statins lower cholesterol", Aspirin) < 0.2);
    }

    [Fact]
    public void SpecificWordsMissingFromThePassageAreNamedButEverydayWordsAreNot()
    {
        var corpus = new CorpusTerms(
            () => ["metformin lowers glucose", "insulin therapy", "acarbose appears once", "roughly everyday words appear roughly everywhere"],
            word => word is "roughly" or "well");

        var missing = corpus.SpecificTermsMissing("Acarbose lowers glucose roughly as well.", "Metformin lowers glucose.", maxDocumentShare: 0.3);

        Assert.Equal(["acarbose"], missing);
    }

    [Fact]
    public void ASpecificWordInThePlaceOfThePassagesIsCaughtHoweverCommonInTheCorpus()
    {
        var corpus = new CorpusTerms(() => Enumerable.Repeat("sulfonylurea insulin metformin", 10), Everyday);
        const string Passage = "When insulin is used, the ADA recommends combination with a GLP-1 RA for greater glycemic effectiveness.";

        Assert.Equal("'sulfonylurea' where the passage says 'GLP'",
            corpus.SubstitutedTerm("When insulin is used, the ADA recommends combination with a sulfonylurea for greater glycemic effectiveness.", Passage));
        Assert.Empty(corpus.SpecificTermsMissing("When insulin is used, a sulfonylurea is added.", Passage, maxDocumentShare: 0.05));
    }

    [Theory]
    [InlineData("Eligible adults can receive a single dose of PCV13 followed by PPSV23.", "pcv13")]
    [InlineData("KDIGO suggests a protein intake of 0.8 g/kg per day for adults with CKD G1 to G2.", "g1")]
    public void ALetterDigitCodeThePassageLacksIsMissing(string sentence, string code)
    {
        var corpus = new CorpusTerms(() => ["pcv13 pcv15 ppsv23", "g1 g2 g3 g5 kdigo"], Everyday);
        const string Passage = "Eligible adults can receive a single dose of PCV15 followed by PPSV23. KDIGO suggests a protein intake of 0.8 g/kg per day for adults with CKD G3 to G5.";

        Assert.Contains(code, corpus.SpecificTermsMissing(sentence, Passage, maxDocumentShare: 0.5));
    }

    [Theory]
    [InlineData("When combination therapy is used, GOLD favours a single inhaler over multiple inhalers.")]
    [InlineData("Level 3 hypoglycemia is defined by the need for assistance, not by a glucose cutoff.")]
    [InlineData("Bed-sharing is riskier when the baby is under 4 months old.")]
    [InlineData("Chronic use of NSAIDs should be avoided in older adults.")]
    public void BritishSpellingsInflectionsCompoundsAndAbbreviationsAreNotSpecific(string sentence)
    {
        var corpus = new CorpusTerms(() => ["a single document"], Everyday);
        const string Passage = "GOLD prefers a single inhaler over multiple inhalers for combination therapy. Level 3 hypoglycemia requires assistance, regardless of the glucose value. "
            + "Bed-sharing carries more risk with a baby younger than 4 months. Chronic use of nonsteroidal anti-inflammatory drugs should be avoided in older adults.";

        Assert.Empty(corpus.SpecificTermsMissing(sentence, Passage, maxDocumentShare: 0.05));
        Assert.Null(corpus.SubstitutedTerm(sentence, Passage));
    }

    /// <summary>As the model's vocabulary: "favors", "cut", "off" and "risky" whole, but not "favours", "cutoff", "riskier" or drug names.</summary>
    private static bool Everyday(string word) => EverydayWords.Contains(word);

    private static readonly HashSet<string> EverydayWords =
    [
        "when", "combination", "therapy", "used", "gold", "favors", "single", "inhaler", "inhalers", "over", "multiple", "level", "defined", "need",
        "assistance", "glucose", "cut", "off", "bed", "sharing", "risky", "baby", "under", "months", "chronic", "should", "avoided", "older",
        "adults", "insulin", "recommends", "added", "greater", "effectiveness",
    ];
}
