using Workbench.Core.Answering;

namespace Workbench.UnitTests.Answering;

public class FocusedComposerTests
{
    private static readonly FocusedComposer Composer = new(new FocusedComposerOptions { MinPassageScore = 0.5, MinDocumentCoverage = 0.3 });

    private static RetrievedPassage Passage(string document, string title, string text, double score, int chunk = 0, string heading = "") =>
        new(new Passage($"{document}#{chunk}", document, chunk, heading, text, new DocumentMetadata(title, "NIH", 2020, DocumentType.Guideline, "genetics", null)), score);

    // One document per kind of question, all about the same condition; a general one ranks first.
    private static readonly RetrievedPassage[] Fabry =
    [
        Passage("research", "Fabry disease: research", "Researchers study Fabry disease in several large registries worldwide.", 0.81),
        Passage("information", "Fabry disease: information", "Fabry disease is an inherited disorder that results from the buildup of a type of fat in cells.", 0.80),
        Passage("causes", "Fabry disease: causes", "Fabry disease causes are mutations in the GLA gene that reduce an enzyme's activity.", 0.80),
        Passage("symptoms", "Fabry disease: symptoms", "Symptoms of Fabry disease include pain in the hands and feet and clusters of small dark red spots.", 0.80),
        Passage("tests", "Fabry disease: exams and tests", "Fabry disease is diagnosed by measuring the enzyme activity in blood and by genetic testing.", 0.80),
        Passage("treatment", "Fabry disease: treatment", "Treatments for Fabry disease include enzyme replacement therapy given by infusion every two weeks.", 0.80),
        Passage("outlook", "Fabry disease: outlook", "The outlook for people with Fabry disease has improved, though kidney and heart problems shorten life.", 0.80),
        Passage("prevention", "Fabry disease: prevention", "Fabry disease cannot be prevented, but complications are prevented by early treatment.", 0.80),
        Passage("dose", "Fabry disease: dosage", "The usual dose of agalsidase beta in Fabry disease is 1 mg per kilogram every two weeks.", 0.80),
        Passage("inheritance", "Fabry disease: inheritance", "Fabry disease is inherited in an X-linked pattern, so fathers pass it to all daughters.", 0.80),
        Passage("frequency", "Fabry disease: frequency", "Fabry disease affects an estimated 1 in 40,000 to 60,000 males, so many people are affected.", 0.80),
        Passage("genetics", "Fabry disease: genetic changes", "The genetic changes related to Fabry disease are mutations in the GLA gene on the X chromosome.", 0.80),
    ];

    [Theory]
    [InlineData("What is Fabry disease?", "information")]
    [InlineData("What causes Fabry disease?", "causes")]
    [InlineData("What are the symptoms of Fabry disease?", "symptoms")]
    [InlineData("How is Fabry disease diagnosed?", "tests")]
    [InlineData("What are the treatments for Fabry disease?", "treatment")]
    [InlineData("What is the outlook for Fabry disease?", "outlook")]
    [InlineData("How can Fabry disease be prevented?", "prevention")]
    [InlineData("What dose of agalsidase beta is used in Fabry disease?", "dose")]
    [InlineData("Is Fabry disease inherited?", "inheritance")]
    [InlineData("How many people are affected by Fabry disease?", "frequency")]
    [InlineData("What are the genetic changes related to Fabry disease?", "genetics")]
    public void AnswersFromTheDocumentWhoseTitleNamesWhatTheQuestionAsks(string question, string document)
    {
        var answer = Composer.Answer(question, Fabry);

        Assert.NotEmpty(answer.Sentences);
        Assert.All(answer.Sentences, s => Assert.Equal(document, Fabry[s.PassageNumber - 1].Passage.DocumentId));
        Assert.Empty(answer.Unanswered);
    }

    [Theory]
    [InlineData("What causes heart attack?", QuestionType.Causes)]
    [InlineData("Do you have information about Cancer Chemotherapy", QuestionType.Definition)]
    [InlineData("How is lupus treated?", QuestionType.Treatment)]
    [InlineData("What is the life expectancy with cystic fibrosis?", QuestionType.Outlook)]
    [InlineData("Does aspirin reduce preeclampsia in high-risk women?", QuestionType.Finding)]
    [InlineData("Tell me about heart attack", QuestionType.Definition)]
    [InlineData("heart attack", QuestionType.General)]
    public void ReadsTheQuestionsType(string question, QuestionType type) =>
        Assert.Equal(type, QuestionAnalysis.TypeOf(question));

    [Fact]
    public void AYesNoQuestionAboutAFindingGetsTheSentencesThatBestCoverIt()
    {
        var abstract_ = Passage("pubmed-1", "PubMed 1",
            "Preeclampsia is a leading cause of maternal death. We randomised 1,776 women at high risk to aspirin or placebo. "
            + "Aspirin reduced preterm preeclampsia in high-risk women by 62 percent. Adverse events did not differ between groups.", 0.85);

        var answer = Composer.Answer("Does aspirin reduce preterm preeclampsia in high-risk women?", [abstract_]);

        Assert.InRange(answer.Sentences.Count, 1, 2);
        Assert.Contains(answer.Sentences, s => s.Text.StartsWith("Aspirin reduced preterm preeclampsia", StringComparison.Ordinal));
        Assert.DoesNotContain(answer.Sentences, s => s.Text.StartsWith("Adverse events", StringComparison.Ordinal));
    }

    [Fact]
    public void APartOfTheQuestionNoPassageAnswersIsNamedAsNotFound()
    {
        var screening = Passage("crc", "Colorectal cancer screening",
            "Adults aged 45 to 75 years should be screened for colorectal cancer. Screening from 45 years prevents cancer deaths.", 0.85);

        var answer = Composer.Answer("Should a 45 year old start colorectal cancer screening, and with which tests?", [screening]);

        Assert.NotEmpty(answer.Sentences);
        Assert.Equal(["with which tests"], answer.Unanswered);
    }

    [Fact]
    public void APartTheBestDocumentLeavesOpenIsAnsweredFromAnotherThatCoversIt()
    {
        var screening = Passage("crc", "Colorectal cancer screening",
            "Adults aged 45 to 75 years should be screened for colorectal cancer. Screening from 45 years prevents cancer deaths.", 0.85);
        var tests = Passage("crc-tests", "Colorectal cancer screening tests",
            "Stool tests such as the FIT are done every year, and colonoscopy every 10 years.", 0.80);

        var answer = Composer.Answer("Should a 45 year old start colorectal cancer screening, and with which tests?", [screening, tests]);

        Assert.Empty(answer.Unanswered);
        Assert.Equal(1, answer.Sentences[0].PassageNumber);
        Assert.Contains(answer.Sentences, s => s.PassageNumber == 2 && s.Text.StartsWith("Stool tests", StringComparison.Ordinal));
    }

    [Fact]
    public void QuestionPartsSplitAtQuestionMarksAndAtAndBeforeAQuestionWord()
    {
        Assert.Equal(["Should a 45 year old start colorectal cancer screening", "with which tests"],
            QuestionAnalysis.Parts("Should a 45 year old start colorectal cancer screening, and with which tests?"));
        Assert.Equal(["What is lupus", "How is it treated"], QuestionAnalysis.Parts("What is lupus? How is it treated?"));
        Assert.Equal(["Are salt and sugar bad for the heart"], QuestionAnalysis.Parts("Are salt and sugar bad for the heart?"));
    }

    [Theory]
    [InlineData("Other Causes Heart attack also can occur due to a spasm of a coronary artery.", "Heart attack also can occur due to a spasm of a coronary artery.")]
    [InlineData("High-dose chemotherapy with stem cell transplant     High-dose chemotherapy with stem cell transplant is a way to give high doses.",
        "High-dose chemotherapy with stem cell transplant is a way to give high doses.")]
    [InlineData("Stem cell transplant Stem cell transplant is a way to replace blood-forming cells.", "Stem cell transplant is a way to replace blood-forming cells.")]
    [InlineData("New York Heart Association classes describe how limited a patient is.", "New York Heart Association classes describe how limited a patient is.")]
    [InlineData("Aspirin lowers the risk of preeclampsia.", "Aspirin lowers the risk of preeclampsia.")]
    public void AHeadingGluedToASentenceIsCutOff(string sentence, string expected) =>
        Assert.Equal(expected, FocusedComposer.WithoutHeading(sentence, heading: ""));

    [Fact]
    public void QuotesWithoutQuestionHeadingsGluedHeadingsCrossReferencesOrListFragments()
    {
        var heart = Passage("heart-attack", "Heart attack: causes",
            "What causes a heart attack? Most heart attacks are caused by coronary heart disease. "
            + "Other Causes Heart attack also can occur due to a severe spasm of a coronary artery. "
            + "See Coronary Heart Disease for more information.  - Smoking  - High blood pressure", 0.86);

        var answer = Composer.Answer("What causes heart attack?", [heart]);

        Assert.Equal(["Most heart attacks are caused by coronary heart disease.", "Heart attack also can occur due to a severe spasm of a coronary artery."],
            answer.Sentences.Select(s => s.Text));
        Assert.All(answer.Sentences, s => Assert.Contains(s.Text, heart.Passage.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void StaysWithTheBestDocumentInSourceOrderQuotingOverlapOnce()
    {
        var second = Passage("lupus", "Lupus: treatment", "Hydroxychloroquine is used for most people with lupus. Steroids treat lupus flares quickly.", 0.84, chunk: 1);
        var first = Passage("lupus", "Lupus: treatment", "Lupus is treated to control symptoms. Hydroxychloroquine is used for most people with lupus.", 0.82, chunk: 0);
        var other = Passage("arthritis", "Arthritis: treatment", "Arthritis and lupus are treated by rheumatologists in most clinics.", 0.83);

        var answer = Composer.Answer("How is lupus treated?", [second, other, first]);

        Assert.Equal(["Lupus is treated to control symptoms.", "Hydroxychloroquine is used for most people with lupus.", "Steroids treat lupus flares quickly."],
            answer.Sentences.Select(s => s.Text));
        Assert.Equal([3, 3, 1], answer.Sentences.Select(s => s.PassageNumber));
    }

    [Fact]
    public void StopsAtTheLengthCap()
    {
        var capped = new FocusedComposer(new FocusedComposerOptions { MinPassageScore = 0.5, MinDocumentCoverage = 0.3, MaxWords = 10 });
        var lupus = Passage("lupus", "Lupus: treatment", "Lupus is treated to control its many symptoms. Hydroxychloroquine is used for most people with lupus. Steroids treat lupus flares.", 0.84);

        Assert.Equal(2, capped.Answer("How is lupus treated?", [lupus]).Sentences.Count);
    }

    [Fact]
    public void AbstainsOnAWeakBestPassageOrADocumentMissingMuchOfTheQuestion()
    {
        var lupus = Passage("lupus", "Lupus", "Lupus is treated with hydroxychloroquine in most people.", 0.84);

        Assert.Empty(Composer.Answer("How is lupus treated?", [lupus with { Score = 0.4 }]).Sentences);
        Assert.Empty(Composer.Answer("How is psoriatic arthritis treated with biologics?", [lupus]).Sentences);
        Assert.Empty(Composer.Answer("How is lupus treated?", []).Sentences);
    }

    [Fact]
    public void AbstainsWhenTheDocumentSpeaksOfNoneOfWhatTheQuestionAsks()
    {
        var treatment = Passage("lupus-treatment", "Lupus: treatment", "Lupus is treated with hydroxychloroquine in most people.", 0.84);

        Assert.Empty(Composer.Answer("What causes lupus?", [treatment]).Sentences);
        Assert.NotEmpty(Composer.Answer("How is lupus treated?", [treatment]).Sentences);
    }
}
