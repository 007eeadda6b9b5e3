using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;

namespace Workbench.UnitTests.Ingestion.Uploads;

/// <summary>Uploads against a real temporary folder: what is accepted, refused, and what reaches the disk.</summary>
public sealed class CorpusUploadsTests : IDisposable
{
    private const string Guideline = "---\ntitle: \"Local anticoagulation protocol\"\norganisation: \"Ward 7\"\nyear: 2024\ntype: guideline\nspecialty: cardiology\n---\n\n## Dosing\nApixaban 5 mg twice daily. Patient John Smith, MRN 483920, phone 555-201-7788, was reviewed.\n";

    private readonly string root = Path.Combine(Path.GetTempPath(), "workbench-uploads-" + Guid.NewGuid().ToString("N"));
    private readonly CorpusUploads uploads;

    public CorpusUploadsTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "corpus"));
        File.WriteAllText(Path.Combine(root, "corpus", "bundled-guideline.md"), Guideline);
        uploads = new CorpusUploads(
            Options.Create(new AdminOptions { UploadDirectory = Path.Combine(root, "uploads"), MaxUploadBytes = 64 * 1024 }),
            Options.Create(new CorpusOptions { Directory = Path.Combine(root, "corpus") }),
            NullLogger<CorpusUploads>.Instance);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private Task<UploadResult> UploadAsync(string name, string content) => UploadAsync(name, Encoding.UTF8.GetBytes(content));

    private async Task<UploadResult> UploadAsync(string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await uploads.AddAsync(name, stream);
    }

    [Fact]
    public async Task AMarkdownDocumentIsStoredDeidentifiedAndReadableByTheCorpusReader()
    {
        var result = await UploadAsync("Ward 7 protocol.md", Guideline);

        Assert.Equal(UploadOutcome.Accepted, result.Outcome);
        var stored = await File.ReadAllTextAsync(Path.Combine(uploads.Directory, "ward-7-protocol.md"));
        Assert.DoesNotContain("John Smith", stored);
        Assert.DoesNotContain("483920", stored);
        Assert.DoesNotContain("555-201-7788", stored);
        Assert.Contains("Apixaban 5 mg twice daily", stored);
        Assert.True(Assert.Single(result.Redactions).Total >= 3);

        var read = uploads.Source.Read();
        Assert.Empty(read.Problems);
        var document = read.Documents.Single(d => d.Id == "ward-7-protocol");
        Assert.Equal(("Local anticoagulation protocol", 2024, "cardiology"), (document.Metadata.Title, document.Metadata.Year, document.Metadata.Specialty));
        Assert.Equal("Dosing", Assert.Single(document.Sections).Heading);
    }

    [Fact]
    public async Task TheSameFileAgainIsSkippedAsUnchanged()
    {
        await UploadAsync("protocol.md", Guideline);

        var again = await UploadAsync("protocol.md", Guideline);

        Assert.Equal(UploadOutcome.Skipped, again.Outcome);
        Assert.Contains("unchanged", again.Message);
    }

    [Theory]
    [InlineData("../../etc/passwd.md", "path")]
    [InlineData("..\\evil.md", "path")]
    [InlineData("con\u0001trol.md", "control")]
    [InlineData("corpus.zip", "archives are not accepted")]
    [InlineData("report.docx", "unsupported type '.docx'")]
    [InlineData("bundled-guideline.md", "bundled corpus already has a document 'bundled-guideline'")]
    public async Task BadNamesAndTypesAreRejectedWithAReasonAndNothingIsWritten(string name, string reason)
    {
        var result = await UploadAsync(name, Guideline);

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains(reason, result.Message);
        Assert.False(Directory.Exists(uploads.Directory) && Directory.EnumerateFiles(uploads.Directory).Any());
    }

    [Fact]
    public async Task OversizedEmptyBinaryAndMalformedFilesAreRejected()
    {
        Assert.Contains("limit", (await UploadAsync("big.txt", new string('a', 70 * 1024))).Message);
        Assert.Contains("empty", (await UploadAsync("empty.txt", [])).Message);
        Assert.Contains("not UTF-8", (await UploadAsync("binary.txt", [0xff, 0xfe, 0xfd, 0x00, 0x81])).Message);
        Assert.Contains("front matter", (await UploadAsync("no-front-matter.md", "# Just a heading\ntext")).Message);
        Assert.Contains("not a PDF", (await UploadAsync("fake.pdf", "hello")).Message);
        Assert.Contains("unreadable PDF", (await UploadAsync("broken.pdf", "%PDF-1.7\n garbage that is no PDF")).Message);
        Assert.Contains("PubMedQA", (await UploadAsync("set.json", "{ not json")).Message);
    }

    [Fact]
    public async Task APdfsTextLayerBecomesOneSectionPerPage()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(PageSize.A4).AddText("Metformin is first-line therapy for type 2 diabetes.", 12, new PdfPoint(40, 700), font);
        builder.AddPage(PageSize.A4).AddText("Reviewed by Dr. Alice Brown on 03/14/2024.", 12, new PdfPoint(40, 700), font);

        var result = await UploadAsync("diabetes-summary.pdf", builder.Build());

        Assert.Equal(UploadOutcome.Accepted, result.Outcome);
        var document = uploads.Source.Read().Documents.Single(d => d.Id == "diabetes-summary");
        Assert.Equal(["Page 1", "Page 2"], document.Sections.Select(s => s.Heading));
        Assert.Contains("Metformin is first-line therapy", document.Sections[0].Text);
        Assert.DoesNotContain("Alice Brown", document.Sections[1].Text);
        Assert.DoesNotContain("03/14/2024", document.Sections[1].Text);
    }

    [Fact]
    public async Task APdfWithoutTextIsRejected()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);

        var result = await UploadAsync("scan.pdf", builder.Build());

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains("no text layer", result.Message);
    }

    [Fact]
    public async Task APubMedQaFileBecomesOneDocumentPerAbstract()
    {
        const string json = "{\"111\": {\"QUESTION\": \"q?\", \"CONTEXTS\": [\"First abstract text about statins.\"], \"LABELS\": [\"BACKGROUND\"], \"YEAR\": \"2010\"},"
            + " \"222\": {\"QUESTION\": \"q2?\", \"CONTEXTS\": [\"Second abstract about aspirin.\"], \"LABELS\": [\"RESULTS\"], \"YEAR\": \"2012\"}}";

        var result = await UploadAsync("ori_pqal.json", json);

        Assert.Equal((UploadOutcome.Accepted, 2), (result.Outcome, result.Documents));
        Assert.Contains(uploads.Source.Read().Documents, d => d.Id == "pubmed-222" && d.Metadata.Year == 2012);
    }

    [Fact]
    public async Task APlainTextFileIsTitledByItsFirstLine()
    {
        var result = await UploadAsync("notes.txt", "Heat illness first aid\n\nCool the person quickly with cold water immersion.");

        Assert.Equal(UploadOutcome.Accepted, result.Outcome);
        var document = uploads.Source.Read().Documents.Single(d => d.Id == "notes");
        Assert.Equal("Heat illness first aid", document.Metadata.Title);
        Assert.Null(document.Metadata.Url);
    }
}
