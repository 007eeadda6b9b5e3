using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

/// <summary>Words put in the place of the passage's, in the clause the sentence follows.</summary>
public class SwapsTests
{
    private const string Rifampin = "For the 4R regimen, adults receive rifampin 10 mg/kg daily with a maximum of 600 mg, and children receive 15 to 20 mg/kg daily with a maximum of 600 mg.";
    private const string Gina = "In Track 1, step 2 uses as-needed low-dose ICS-formoterol. In Track 1, step 3 uses low-dose ICS-formoterol as both maintenance and reliever therapy (MART).";

    [Theory]
    [InlineData("For the 4R regimen, children receive rifampin 10 mg/kg daily.", Rifampin, "'children' where the passage says 'adults'")]
    [InlineData("In Track 1, step 2 uses low-dose ICS-formoterol as maintenance and reliever therapy.", Gina, "'2' where the passage says '3'")]
    [InlineData("Patients receiving sacubitril/valsartan had less symptomatic hypotension than patients receiving enalapril.",
        "Patients receiving sacubitril/valsartan had more symptomatic hypotension than patients receiving enalapril, and less renal impairment.", "'less' where the passage says 'more'")]
    [InlineData("The ADA recommends stopping metformin when insulin therapy is started.",
        "The ADA recommends that metformin be continued when insulin therapy is started, unless it is contraindicated.", "'stopping' where the passage says 'continued'")]
    public void AThingThePassageNamesForSomethingElseIsCaught(string sentence, string passage, string reason) =>
        Assert.Equal(reason, Swaps.Find(sentence, passage));

    [Theory]
    // Reordered: the clause's words are all there, in another order.
    [InlineData("Most patients with acute ischemic stroke should receive aspirin within 24 to 48 hours of onset.",
        "The guideline recommends aspirin within 24 to 48 hours of stroke onset for most patients with acute ischemic stroke. For patients with minor stroke who did not receive alteplase, dual antiplatelet therapy is started within 24 hours.")]
    // A comparative that bounds a number rewords it.
    [InlineData("The guideline sets a door-to-needle goal of no more than 60 minutes.", "The guideline sets a goal door-to-needle time of 60 minutes or less, and less delay means more benefit.")]
    // Verbs reword freely.
    [InlineData("ACIP did not state a preference for one vaccine.", "ACIP did not express a preference for one vaccine, and the state programmes buy all of them.")]
    // A word the passage uses elsewhere, further along a reworded stretch than the passage's word, is a rewording.
    [InlineData("Intensive treatment in UKPDS 33 caused more hypoglycaemia than conventional treatment, most of all with insulin.",
        "Patients in the intensive group of UKPDS 33 had more hypoglycaemic episodes than patients in the conventional group, and hypoglycaemia was most frequent with insulin.")]
    public void RewordingsRaiseNoObjection(string sentence, string passage) =>
        Assert.Null(Swaps.Find(sentence, passage));

    [Theory]
    [InlineData("favoured", "favors")]
    [InlineData("randomised", "randomized")]
    [InlineData("haemorrhage", "hemorrhages")]
    [InlineData("stopping", "stopped")]
    [InlineData("hypoglycaemia", "hypoglycemic")]
    public void WordFamiliesMatchAcrossInflectionAndSpelling(string a, string b) =>
        Assert.True(Alignment.Related(Alignment.Lemma(a), Alignment.Lemma(b)));

    [Theory]
    [InlineData("rifampin", "rifapentine")]
    [InlineData("hypertension", "hypotension")]
    [InlineData("pcv13", "pcv15")]
    [InlineData("immunocompetent", "immunocompromised")]
    public void DifferentThingsAreNotOneFamily(string a, string b) =>
        Assert.False(Alignment.Related(Alignment.Lemma(a), Alignment.Lemma(b)));
}
