using Workbench.Core.Evaluation;
using Workbench.Core.Ingestion.Datasets;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Ingestion;

public sealed class MediqaSourceTests : IDisposable
{
    // Two questions sharing one answer (graded differently for each), as in the real files.
    private const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <MEDIQA2019-Task3-QA-ValidationSet>
          <Question QID="2">
            <QuestionText>about uveitis. IS THE UVEITIS, AN AUTOIMMUNE DISEASE?</QuestionText>
            <AnswerList>
              <Answer AID="2_Answer1" SystemRank="1" ReferenceRank="1" ReferenceScore="4">
                <AnswerURL>https://www.mayoclinic.org/diseases-conditions/uveitis/symptoms-causes/syc-20378734</AnswerURL>
                <AnswerText>Uveitis: Uveitis is a form of eye inflammation. Possible causes are infection, injury, or an autoimmune disease.</AnswerText>
              </Answer>
              <Answer AID="2_Answer2" SystemRank="2" ReferenceRank="2" ReferenceScore="3">
                <AnswerURL></AnswerURL>
                <AnswerText>Autoimmune  diseases   happen when the immune system attacks the body.</AnswerText>
              </Answer>
              <Answer AID="2_Answer3" SystemRank="3" ReferenceRank="3" ReferenceScore="1">
                <AnswerURL>https://medlineplus.gov/ency/article/001005.htm</AnswerURL>
                <AnswerText>Hives are raised, itchy welts on the skin.</AnswerText>
              </Answer>
            </AnswerList>
          </Question>
          <Question QID="3">
            <QuestionText>What is an autoimmune disease?</QuestionText>
            <AnswerList>
              <Answer AID="3_Answer1" SystemRank="1" ReferenceRank="1" ReferenceScore="2">
                <AnswerURL></AnswerURL>
                <AnswerText>Autoimmune diseases happen when the immune system attacks the body.</AnswerText>
              </Answer>
            </AnswerList>
          </Question>
        </MEDIQA2019-Task3-QA-ValidationSet>
        """;

    private readonly TempFolder directory = new("workbench-mediqa-");
    private readonly string file;

    public MediqaSourceTests()
    {
        Directory.CreateDirectory(directory);
        file = Path.Combine(directory, "MEDIQA2019-Task3-QA-ValidationSet.xml");
        File.WriteAllText(file, Xml);
    }

    [Fact]
    public void EveryCandidateAnswerIsOneDocumentWhateverTheQuestionsSharingIt()
    {
        var result = new MediqaSource(file).Read();

        Assert.Equal(3, result.Documents.Count);
        var uveitis = result.Documents.Single(d => d.Id == MediqaSource.DocumentId("Uveitis: Uveitis is a form of eye inflammation. Possible causes are infection, injury, or an autoimmune disease."));
        Assert.Equal("symptoms causes", uveitis.Metadata.Title);
        Assert.Equal("mayoclinic.org", uveitis.Metadata.Organisation);
        var shared = result.Documents.Single(d => d.Id == MediqaSource.DocumentId("Autoimmune diseases happen when the immune system attacks the body."));
        Assert.Equal("Autoimmune diseases happen when the immune system attacks the body", shared.Metadata.Title);
    }

    [Fact]
    public void QuestionsCarryTheirGradesAndBestAnswerAndOnlyThoseWithACorrectAnswerCount()
    {
        var question = Assert.Single(new MediqaSource(file).ReadQuestions());

        Assert.Equal("about uveitis. IS THE UVEITIS, AN AUTOIMMUNE DISEASE?", question.Question);
        Assert.Equal([4, 3, 1], question.Grades.Values);
        Assert.StartsWith("Uveitis: Uveitis is a form", question.BestAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDataSetGradesRelevanceByGradeMinusTwoAndCountsGradesThreeAndFourAsRelevant()
    {
        var dataset = EvaluationDataset.Load(file);

        Assert.Equal("mediqa2019-task3-qa-validationset", dataset.Name);
        var question = Assert.Single(dataset.Questions);
        Assert.Equal(2, question.RelevantDocuments.Count);
        Assert.Equal([2.0, 1.0], question.Gains!.Values.Order().Reverse());
        Assert.DoesNotContain(MediqaSource.DocumentId("Hives are raised, itchy welts on the skin."), question.RelevantDocuments);
    }

    [Fact]
    public void HalvesAreFixedByTheQuestionAndTogetherTheWholeSet()
    {
        var dev = EvaluationDataset.Load(file, split: "dev");
        var test = EvaluationDataset.Load(file, split: "test");

        Assert.Equal(1, dev.Questions.Count + test.Questions.Count);
        Assert.Equal(EvaluationDataset.InTestHalf("about uveitis. IS THE UVEITIS, AN AUTOIMMUNE DISEASE?") ? test.Questions : dev.Questions, [.. dev.Questions, .. test.Questions]);
        Assert.EndsWith("-dev", dev.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentTypeDeclarationIsRefused()
    {
        File.WriteAllText(file, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><MEDIQA2019-Task3-QA-ValidationSet/>");

        Assert.Throws<System.Xml.XmlException>(() => new MediqaSource(file).ReadQuestions());
    }

    public void Dispose() => directory.Dispose();
}
