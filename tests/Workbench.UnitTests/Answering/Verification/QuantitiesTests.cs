using Workbench.Core.Answering.Verification;

namespace Workbench.UnitTests.Answering.Verification;

/// <summary>Numbers keep their unit and period: the digits alone do not make a sentence supported.</summary>
public class QuantitiesTests
{
    [Theory]
    [InlineData("The one-step approach uses a 75-mg, 2-hour glucose tolerance test.", "The one-step approach uses a 75-g, 2-hour oral glucose tolerance test.", "not mg")]
    [InlineData("Serum potassium should be below 5.0 mg/dL.", "Serum potassium should be below 5.0 mEq/L.", "not mg/dl")]
    [InlineData("People weighing 150 lb or more receive 1 g.", "People weighing 150 kg or more receive 1 g.", "not lb")]
    [InlineData("Aneurysms of 5.5 mm or larger are repaired.", "Aneurysms of 5.5 cm or larger are repaired.", "not mm")]
    [InlineData("The outcome occurred at 1.65% per month.", "The outcome occurred at a rate of 1.65% per year.", "not per month")]
    [InlineData("Aspirin 81 mg/week is recommended.", "Aspirin 81 mg daily is recommended.", "not per week")]
    public void AChangedUnitOrPeriodIsCaught(string sentence, string passage, string reason) =>
        Assert.Contains(Quantities.Mismatches(sentence, passage), r => r.Contains(reason, StringComparison.Ordinal));

    [Theory]
    [InlineData("Aspirin 81 mg a day is recommended.", "Aspirin 81 mg/day is recommended.")]
    [InlineData("Dapagliflozin 10 mg once daily.", "Dapagliflozin 10 mg, given once a day.")]
    [InlineData("A plateau pressure of at most 30 cmH2O.", "A plateau pressure goal of 30 cm H2O.")]
    [InlineData("Two doses are given 28 days apart.", "2 doses are given at least 28 days apart.")]
    [InlineData("A 20 pack-year history.", "At least 20 pack-years of smoking.")]
    public void TheSameQuantityWrittenDifferentlyIsAccepted(string sentence, string passage) =>
        Assert.Empty(Quantities.Mismatches(sentence, passage));

    [Fact]
    public void NumbersWrittenAsWordsMatchDigits()
    {
        Assert.Contains(new Quantity("2", "dose", null), Quantities.Of("two doses of vaccine"));
        Assert.Contains(new Quantity("81", "mg", null), Quantities.Of("81 milligrams"));
        Assert.Contains(new Quantity("80", "mmhg", null), Quantities.Of("130/80 mm Hg"));
    }

    [Fact]
    public void RangesUnitsAndPeriodsAreRead()
    {
        Assert.Equal([new Quantity("15", "mg/kg", "day"), new Quantity("20", "mg/kg", "day")], Quantities.Of("15 to 20 mg/kg per day"));
        Assert.Equal([new Quantity("75", "g", null)], Quantities.Of("a 75-g test"));
        Assert.Empty(Quantities.Of("3HP and PCV13"));
    }
}
