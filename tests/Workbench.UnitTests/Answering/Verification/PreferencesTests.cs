using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

/// <summary>Preferences and comparisons read by side: what is favoured, and what is named as the option not taken.</summary>
public class PreferencesTests
{
    [Theory]
    [InlineData("A single reading is more accurate than multiple readings for identifying hypertension.",
        "Multiple readings are more accurate than a single reading for identifying hypertension.", "other way round")]
    [InlineData("If a sulfonylurea is used in an older adult, the criteria favour glyburide over glipizide.",
        "If a sulfonylurea is used in an older adult, the criteria favour a short-acting agent such as glipizide over long-acting agents such as glyburide.", "other way round")]
    [InlineData("The guidelines suggest delaying vasopressor initiation until central venous access is secured.",
        "The guidelines suggest starting vasopressors peripherally rather than delaying initiation until central venous access is secured.", "'delaying' as the option not taken")]
    [InlineData("Enalapril reduced the risk of hospitalisation for heart failure by 21% compared with sacubitril/valsartan.",
        "Sacubitril/valsartan reduced the risk of hospitalisation for heart failure by 21% compared with enalapril.", "other way round")]
    public void AReversedOrRejectedOptionIsCaught(string sentence, string passage, string reason) =>
        Assert.Contains(reason, Preferences.Contradiction(sentence, passage), StringComparison.Ordinal);

    [Theory]
    // The sentence names the rejected option as rejected too.
    [InlineData("DOACs are preferred over warfarin for eligible patients with atrial fibrillation.",
        "The guideline recommends direct oral anticoagulants (DOACs) in preference to warfarin for eligible patients with atrial fibrillation.")]
    // "over" and "than" before a number bound the number; "over" without a verb of preference is no cue.
    [InlineData("The dose is given over 60 minutes, more than the bolus over 1 minute.", "The bolus is given over 1 minute and the rest of the dose over 60 minutes.")]
    // Words after the option (up to a preposition) are not part of it.
    [InlineData("Vasopressors can be started peripherally without waiting for central venous access.",
        "The guidelines suggest starting vasopressors peripherally rather than delaying initiation until central venous access is secured.")]
    // "Suggested over" names the rejected option as rejected.
    [InlineData("Balanced crystalloids are suggested over normal saline for resuscitation.", "The guidelines suggest using balanced crystalloids instead of normal saline for resuscitation.")]
    // A negated clause rejects the option too.
    [InlineData("Extended-release opioids should not be used when starting opioid therapy.",
        "When starting opioid therapy, clinicians should prescribe immediate-release opioids instead of extended-release or long-acting opioids.")]
    public void FaithfulPreferencesRaiseNoObjection(string sentence, string passage) =>
        Assert.Null(Preferences.Contradiction(sentence, passage));
}
