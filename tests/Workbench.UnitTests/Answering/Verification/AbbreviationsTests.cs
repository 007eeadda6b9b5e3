using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

public class AbbreviationsTests
{
    [Theory]
    [InlineData("NSAIDs", "avoid chronic use of nonsteroidal anti-inflammatory drugs", true)]
    [InlineData("NTCA", "guidelines from the National Tuberculosis Controllers Association and CDC", true)]
    [InlineData("CKD", "people with chronic kidney disease", true)]
    [InlineData("COPD", "people with chronic kidney disease", false)]
    [InlineData("ECGs", "routine electrocardiography in children", true)]
    [InlineData("ICS", "an inhaled corticosteroid", true)]
    [InlineData("LABA", "a long-acting muscarinic antagonist", false)]
    [InlineData("clinic", "care in the community linked to inpatient care", false)]
    public void AnAbbreviationMatchesThePhraseItShortens(string word, string text, bool expected) =>
        Assert.Equal(expected, Abbreviations.Expands(word, Alignment.Tokens(text)));
}
