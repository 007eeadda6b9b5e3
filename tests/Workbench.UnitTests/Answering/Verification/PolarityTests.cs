using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

/// <summary>Negation compared proposition by proposition, against the passage part that says the same thing.</summary>
public class PolarityTests
{
    [Theory]
    [InlineData("The AAP recommends routine electrocardiography in children being evaluated for hypertension.",
        "The AAP recommends against routine electrocardiography in children being evaluated for hypertension. The AAP recommends ambulatory monitoring to confirm hypertension in children.")]
    [InlineData("Intensive glucose control significantly reduced diabetes-related death in UKPDS 33.",
        "Intensive glucose control did not significantly reduce diabetes-related death or all-cause mortality in UKPDS 33. It reduced the risk of any diabetes-related endpoint by 12%.")]
    // "Contraindication" negates like "not".
    [InlineData("Egg allergy is a contraindication to MMR vaccination.", "MMR vaccine should not be given during pregnancy. Egg allergy is not a contraindication to MMR vaccination.")]
    public void AFlippedStatementIsCaught(string sentence, string passage) =>
        Assert.NotNull(Polarity.Contradiction(sentence, passage));

    [Theory]
    // Coordinated negations repeat rather than cancel.
    [InlineData("The recommendation applies to adults aged 40 years or older without known cardiovascular disease or signs or symptoms of it.",
        "The recommendation applies to adults aged 40 years or older who have no history of known cardiovascular disease and no signs or symptoms of it.")]
    // The first negation after "or" still counts.
    [InlineData("For women who decline insulin or cannot safely administer it, ACOG regards metformin as a reasonable alternative.",
        "ACOG considers metformin a reasonable alternative for women who decline insulin or who cannot safely administer insulin.")]
    // What is not chosen is the preference check's business.
    [InlineData("In pregnancy, a single oral 1 g dose of azithromycin replaces doxycycline for chlamydia coinfection.",
        "During pregnancy, chlamydia coinfection is treated with azithromycin 1 g orally as a single dose instead of doxycycline.")]
    [InlineData("People treated for gonorrhea should be retested around 3 months later, whether or not their partners were treated.",
        "People treated for gonorrhea should be retested about 3 months after treatment, regardless of whether their partners were treated.")]
    // A negating prefix counts like "not" when the other side has the bare word.
    [InlineData("NSAIDs should be avoided unless alternatives are ineffective and the patient can take a gastroprotective agent.",
        "The criteria advise avoiding NSAIDs unless alternatives are not effective and the patient can take a gastroprotective agent.")]
    // "Vaccinated against" is not "recommended against".
    [InlineData("Most adults should generally not be vaccinated against influenza in July and August.",
        "Vaccination during July and August should generally be avoided for most adults, because protection may wane.")]
    // One sentence part can say what two neighbouring passage parts say.
    [InlineData("When more than 6 months have gone by since the first dose, the second dose is given as soon as possible without restarting the series.",
        "If more than 6 months have passed since the first dose, the second dose should be given as soon as possible, and the series does not need to be restarted.")]
    // "No longer than" bounds rather than negates; "excluded" negates like "not included".
    [InlineData("The door-to-needle goal is no longer than 60 minutes.", "The guideline sets a goal door-to-needle time of 60 minutes or less.")]
    [InlineData("People with diabetes or a prior stroke were not included in SPRINT.", "SPRINT excluded people with diabetes mellitus and people with a history of stroke.")]
    // Word families match: "vaccine" and "vaccination" point to the same part.
    [InlineData("HPV vaccine should not be given in pregnancy, and the remaining doses wait until after delivery.",
        "HPV vaccines have a well-established safety record. HPV vaccination is not recommended during pregnancy, and the remaining doses should be delayed until after the pregnancy.")]
    public void RewordedNegationsAgree(string sentence, string passage) =>
        Assert.Null(Polarity.Contradiction(sentence, passage));
}
