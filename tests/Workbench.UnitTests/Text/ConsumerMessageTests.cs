using Workbench.Core.Text;

namespace Workbench.UnitTests.Text;

public class ConsumerMessageTests
{
    [Fact]
    public void KeepsDrugNamesDosesAndNdcNumbersAndDropsTheGreetingSignOffAndRepeatedSubject()
    {
        const string message = """
            Re: metformin recall
            Hi Dr. Patel,
            I take metformin ER 500 mg twice a day, NDC 0093-7267-01, lot 3A4B21. Is my bottle part of the recall?
            Thanks so much,
            Mary
            """;

        var cleaned = ConsumerMessage.Clean(message);

        Assert.Equal("I take metformin ER 500 mg twice a day, NDC 0093-7267-01, lot 3A4B21. Is my bottle part of the recall?", cleaned);
    }

    [Theory]
    [InlineData("lupus. Hi, I want to know about Lupus and its treatment. Best, NAME", "I want to know about Lupus and its treatment.")]
    [InlineData("How to Stop Snoring. How to Stop Snoring", "How to Stop Snoring")]
    [InlineData("Jaundice. Can older infants get jaundice? What is the age range?", "Can older infants get jaundice? What is the age range?")]
    [InlineData("Hello dear Dr. Patel, my son took 2.5 mg of melatonin.", "my son took 2.5 mg of melatonin.")]
    [InlineData("hi My name is NAME My son has Leigh disease.", "My name is NAME My son has Leigh disease.")]
    [InlineData("Hello i would like more info about Familial Mediterean Fever please as my husband suffers from this. THANKS",
        "i would like more info about Familial Mediterean Fever please as my husband suffers from this.")]
    [InlineData("burn to my wrist. Hello I burnt my wrist 2 days ago. Please help.", "burn to my wrist. I burnt my wrist 2 days ago.")]
    [InlineData("FWD: Dear doctor, can I take ibuprofen 400mg with warfarin 5 mg? God bless . NAME", "can I take ibuprofen 400mg with warfarin 5 mg?")]
    public void CleansMessagesAsPeopleWriteThem(string message, string expected) =>
        Assert.Equal(expected, ConsumerMessage.Clean(message));

    [Theory]
    [InlineData("What is Flu?")]
    [InlineData("Does 2.5 mg of ClinicalTrials.gov-listed drug X interact with HbA1c tests?")]
    public void LeavesAPlainQuestionAlone(string question) =>
        Assert.Equal(question, ConsumerMessage.Clean(question));

    [Fact]
    public void AMessageOfCourtesyAloneIsKeptAsItIs() =>
        Assert.Equal("Thanks!", ConsumerMessage.Clean("Thanks!"));
}
