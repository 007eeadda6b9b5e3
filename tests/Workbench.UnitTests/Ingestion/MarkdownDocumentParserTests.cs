using Workbench.Core.Ingestion;

namespace Workbench.UnitTests.Ingestion;

public class MarkdownDocumentParserTests
{
    private const string Valid = """
        ---
        title: "Colorectal Cancer: Screening"
        organisation: U.S. Preventive Services Task Force
        year: 2021
        type: guideline
        specialty: Gastroenterology
        url: https://www.uspreventiveservicestaskforce.org/
        ---

        # Colorectal Cancer: Screening

        ## Recommendation
        Screen adults aged 45 to 49 years.
        Screen adults aged 50 to 75 years.

        ## Tests
        - Annual FIT
        - Colonoscopy every 10 years
        """;

    [Fact]
    public void ReadsFrontMatterIntoMetadata()
    {
        var document = MarkdownDocumentParser.Parse("crc", Valid);

        Assert.Equal(new DocumentMetadata("Colorectal Cancer: Screening", "U.S. Preventive Services Task Force", 2021, DocumentType.Guideline,
            "gastroenterology", "https://www.uspreventiveservicestaskforce.org/"), document.Metadata);
    }

    [Fact]
    public void StartsASectionAtEachHeadingAndTurnsListItemsIntoSentences()
    {
        var document = MarkdownDocumentParser.Parse("crc", Valid);

        Assert.Equal(["Recommendation", "Tests"], document.Sections.Select(s => s.Heading));
        Assert.Equal("Screen adults aged 45 to 49 years. Screen adults aged 50 to 75 years.", document.Sections[0].Text);
        Assert.Equal("Annual FIT. Colonoscopy every 10 years.", document.Sections[1].Text);
    }

    [Theory]
    [InlineData("# No front matter\ntext", "missing YAML front matter")]
    [InlineData("---\ntitle: x\n", "not closed")]
    [InlineData("---\ntitle: [unclosed\n---\ntext", "not valid YAML")]
    [InlineData("---\ntitle: T\norganisation: O\nyear: last year\ntype: guideline\nspecialty: s\nurl: https://x.org\n---\ntext", "'year' must be a year")]
    [InlineData("---\ntitle: T\norganisation: O\nyear: 2020\ntype: blog\nspecialty: s\nurl: https://x.org\n---\ntext", "'type' must be")]
    [InlineData("---\ntitle: T\norganisation: O\nyear: 2020\ntype: guideline\nspecialty: s\nurl: javascript:alert(1)\n---\ntext", "'url' must be an http(s) address")]
    [InlineData("---\ntitle: T\nyear: 2020\ntype: guideline\nspecialty: s\nurl: https://x.org\n---\ntext", "lacks 'organisation'")]
    [InlineData("---\ntitle: T\norganisation: O\nyear: 2020\ntype: guideline\nspecialty: s\nurl: https://x.org\n---\n\n", "no text")]
    public void RejectsBrokenDocumentsWithAReason(string content, string reason)
    {
        var error = Assert.Throws<FormatException>(() => MarkdownDocumentParser.Parse("bad", content));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void AHeadingClosedByHashesIsNamedWithoutThem()
    {
        var sections = MarkdownDocumentParser.ParseSections("## Dosing ##  \ntext", "Title");

        Assert.Equal("Dosing", Assert.Single(sections).Heading);
    }

    /// <summary>Issue 20, finding 2: "## a" + spaces + "b" took cubic time in the old heading rule; the bracket lines keep the link rule linear too.</summary>
    [Theory]
    [InlineData("## a", " ", "b", 20_000)]
    [InlineData("", "[", "", 100_000)]
    [InlineData("- ", "[a](", "", 25_000)]
    public async Task RulesOverUploadedTextRunInLinearTime(string start, string repeated, string end, int times)
    {
        var line = start + string.Concat(Enumerable.Repeat(repeated, times)) + end;

        var sections = await Task.Run(() => MarkdownDocumentParser.ParseSections(line + "\ntext", "Title")).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotEmpty(sections);
    }
}
