using Workbench.Core.Evaluation.Campaigns;

namespace Workbench.UnitTests.Evaluation.Campaigns;

public class QuestionSetParserTests
{
    private static QuestionSetParseResult Parse(string content, QuestionSetFormat format, int max = 100) =>
        QuestionSetParser.Parse(content, format, max, maxQuestionLength: 200);

    [Fact]
    public void LinesSkipBlankLinesAndTrim()
    {
        var result = Parse("  Who should get statins?\n\n\r\nWhat is the HbA1c target?  \n", QuestionSetFormat.Lines);

        Assert.True(result.Succeeded);
        Assert.Equal(["Who should get statins?", "What is the HbA1c target?"], result.Questions);
    }

    [Fact]
    public void CsvReadsTheQuestionColumnWithQuotedCommasQuotesAndLineBreaks()
    {
        var csv = "id,question,notes\n1,\"Aspirin, at what dose?\",x\n2,\"He said \"\"when\"\"\nto screen\",y\n";

        var result = Parse(csv, QuestionSetFormat.Csv);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(["Aspirin, at what dose?", "He said \"when\"\nto screen"], result.Questions);
    }

    [Fact]
    public void CsvReportsEveryBadLineByNumberAndImportsNothing()
    {
        var csv = "question,source\nGood one?,a\nmissing a field\n,b\nAnother good one?,c\n";

        var result = Parse(csv, QuestionSetFormat.Csv);

        Assert.False(result.Succeeded);
        Assert.Empty(result.Questions);
        Assert.Equal([3, 4], result.Errors.Select(e => e.Line));
        Assert.Contains("1 fields where the header has 2", result.Errors[0].Message);
        Assert.Contains("empty", result.Errors[1].Message);
    }

    [Fact]
    public void CsvWithoutAQuestionColumnIsRejected()
    {
        var result = Parse("text\nWhat dose?\n", QuestionSetFormat.Csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("\"question\" column", error.Message);
    }

    [Fact]
    public void JsonlReportsInvalidJsonAndMissingQuestionsWithTheirLines()
    {
        var jsonl = "{\"question\":\"First?\"}\n{not json}\n\n{\"q\":\"wrong key\"}\n{\"question\":\"Last?\"}";

        var result = Parse(jsonl, QuestionSetFormat.Jsonl);

        Assert.Empty(result.Questions);
        Assert.Equal([2, 4], result.Errors.Select(e => e.Line));
        Assert.Equal("line 2: " + result.Errors[0].Message, result.Errors[0].ToString());
    }

    [Fact]
    public void JsonlReadsQuestions()
    {
        var result = Parse("{\"question\":\"First?\",\"gold\":[\"a\"]}\n{\"question\":\"Second?\"}\n", QuestionSetFormat.Jsonl);

        Assert.Equal(["First?", "Second?"], result.Questions);
    }

    [Fact]
    public void PubMedQaReadsEachEntrysQuestion()
    {
        var json = "{\"21645374\": {\"QUESTION\": \"Do mitochondria play a role?\", \"CONTEXTS\": []}, \"16418930\": {\"QUESTION\": \"Is it safe?\"}}";

        var result = Parse(json, QuestionSetFormat.PubMedQa);

        Assert.Equal(["Do mitochondria play a role?", "Is it safe?"], result.Questions);
    }

    [Fact]
    public void TooManyOrTooLongQuestionsAreRejected()
    {
        Assert.Contains("at most 2", Assert.Single(Parse("a?\nb?\nc?", QuestionSetFormat.Lines, max: 2).Errors).Message);

        var tooLong = Parse("short?\n" + new string('x', 201), QuestionSetFormat.Lines);
        Assert.Equal(2, Assert.Single(tooLong.Errors).Line);
    }

    [Fact]
    public void AnEmptySetIsAnError()
    {
        Assert.Equal("The question set is empty.", Assert.Single(Parse(" \n \n", QuestionSetFormat.Lines).Errors).Message);
    }

    [Theory]
    [InlineData("set.csv", QuestionSetFormat.Csv)]
    [InlineData("set.JSONL", QuestionSetFormat.Jsonl)]
    [InlineData("ori_pqal.json", QuestionSetFormat.PubMedQa)]
    [InlineData("questions.txt", QuestionSetFormat.Lines)]
    public void FormatFollowsTheFileExtension(string fileName, QuestionSetFormat expected) =>
        Assert.Equal(expected, QuestionSetParser.DetectFormat(fileName));
}
