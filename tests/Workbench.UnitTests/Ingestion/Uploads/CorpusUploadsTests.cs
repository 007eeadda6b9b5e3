using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Ingestion.Uploads;

/// <summary>Uploads against a real temporary folder: what is accepted, refused, and what reaches the disk.</summary>
public sealed class CorpusUploadsTests : IDisposable
{
    private const string Guideline = "---\ntitle: \"Local anticoagulation protocol\"\norganisation: \"Ward 7\"\nyear: 2024\ntype: guideline\nspecialty: cardiology\n---\n\n## Dosing\nApixaban 5 mg twice daily. Patient John Smith, MRN 483920, phone 555-201-7788, was reviewed.\n";

    private readonly TempFolder root = new("workbench-uploads-");
    private readonly CorpusUploads uploads;

    public CorpusUploadsTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "corpus"));
        File.WriteAllText(Path.Combine(root, "corpus", "bundled-guideline.md"), Guideline);
        uploads = Uploads(new AdminOptions { MaxUploadBytes = 64 * 1024 });
    }

    /// <summary>Uploads into this test's folder, with the limits given.</summary>
    private CorpusUploads Uploads(AdminOptions options)
    {
        options.UploadDirectory = Path.Combine(root, "uploads");
        return new CorpusUploads(Options.Create(options), Options.Create(new CorpusOptions { Directory = Path.Combine(root, "corpus") }),
            Options.Create(new DeidentificationOptions { AllowListFile = Path.Combine(root, "allow-list.txt") }), NullLogger<CorpusUploads>.Instance);
    }

    public void Dispose() => root.Dispose();

    private Task<UploadResult> UploadAsync(string name, string content) => UploadAsync(name, Encoding.UTF8.GetBytes(content));

    private Task<UploadResult> UploadAsync(string name, byte[] content) => UploadAsync(uploads, name, content);

    private static async Task<UploadResult> UploadAsync(CorpusUploads into, string name, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return await into.AddAsync(name, stream);
    }

    /// <summary>Every file under the test's folder except the bundled corpus: where uploads went.</summary>
    private List<string> WrittenFiles() =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.StartsWith(Path.Combine(root, "corpus"), StringComparison.Ordinal)).ToList();

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
    public async Task EachRedactionIsKeptInContextWithoutItsValueAndTheAllowListIsSpared()
    {
        await File.WriteAllLinesAsync(Path.Combine(root, "allow-list.txt"), ["# the practice's public name", "Harbour View Family Practice"]);

        await UploadAsync("Ward 7 protocol.md", Guideline.Replace("was reviewed.", "was reviewed at Harbour View Family Practice by Dr. View.", StringComparison.Ordinal));

        var stored = await File.ReadAllTextAsync(Path.Combine(uploads.Directory, "ward-7-protocol.md"));
        Assert.Contains("reviewed at Harbour View Family Practice by Dr. [NAME].", stored);
        var document = Assert.Single(uploads.Redactions());
        Assert.Equal("ward-7-protocol", document.DocumentId);
        var contexts = document.Contexts!;
        Assert.Equal([IdentifierKind.Name, IdentifierKind.Mrn, IdentifierKind.Phone, IdentifierKind.Name], contexts.Select(c => c.Kind));
        Assert.All(contexts, c => Assert.Equal(DocumentField.Text, c.Field));
        Assert.Equal(("Apixaban 5 mg twice daily. Patient ", ", MRN [MRN], phone [PHONE], was"), (contexts[0].Before, contexts[0].After));
        var kept = string.Join('\n', contexts.Select(c => c.Before + c.Placeholder + c.After))
            + await File.ReadAllTextAsync(Path.Combine(uploads.Directory, "ward-7-protocol.redactions.json"));
        Assert.DoesNotContain("John", kept);
        Assert.DoesNotContain("483920", kept);
        Assert.DoesNotContain("201-7788", kept);
        Assert.Contains("Harbour View Family Practice by Dr. [NAME]", kept);
    }

    [Fact]
    public async Task ADocumentStoredBeforeContextsWereKeptIsListedWithoutThem()
    {
        Directory.CreateDirectory(uploads.Directory);
        await File.WriteAllTextAsync(Path.Combine(uploads.Directory, "older.md"), Guideline);
        await File.WriteAllTextAsync(Path.Combine(uploads.Directory, "damaged.md"), Guideline);
        await File.WriteAllTextAsync(Path.Combine(uploads.Directory, "damaged.redactions.json"), "{not json");

        Assert.Equal([("damaged", null), ("older", null)], uploads.Redactions().Select(r => (r.DocumentId, r.Contexts)));
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

    /// <summary>Issue 20, finding 1: ids from a data set's content were written as paths (<c>/tmp/x-1.md</c>, <c>/tmp/y.md</c>).</summary>
    [Fact]
    public async Task IdsFromADataSetsContentNeverBecomePathsOutsideTheUploadFolder()
    {
        var medQuad = await UploadAsync("medquad.xml",
            "<Document id=\"../../escaped-medquad\" source=\"GARD\"><Focus>Gaucher disease</Focus><QAPairs><QAPair pid=\"1\"><Question qtype=\"symptoms\">What are the symptoms?</Question><Answer>Enlarged spleen and anemia.</Answer></QAPair></QAPairs></Document>");
        var pubMed = await UploadAsync("ori_pqal.json",
            "{\"../../../escaped-pubmed\": {\"QUESTION\": \"q?\", \"CONTEXTS\": [\"Statins lower cholesterol.\"], \"LABELS\": [\"RESULTS\"], \"YEAR\": \"2010\"}}");

        Assert.Equal((UploadOutcome.Accepted, UploadOutcome.Accepted), (medQuad.Outcome, pubMed.Outcome));
        Assert.Equal(
            [
                Path.Combine(uploads.Directory, "gard-escaped-medquad-1.md"), Path.Combine(uploads.Directory, "gard-escaped-medquad-1.redactions.json"),
                Path.Combine(uploads.Directory, "pubmed-escaped-pubmed.md"), Path.Combine(uploads.Directory, "pubmed-escaped-pubmed.redactions.json"),
            ],
            WrittenFiles().Order(StringComparer.Ordinal));
        Assert.Equal(["gard-escaped-medquad-1", "pubmed-escaped-pubmed"], uploads.Source.Read().Documents.Select(d => d.Id).Where(id => id != "bundled-guideline").Order());
    }

    /// <summary>Issue 20, finding 1: an id differing from a bundled document's only in punctuation or case got past the name check.</summary>
    [Theory]
    [InlineData("medquad.xml", "<Document id=\"Guideline\" source=\"BUNDLED\"><Focus>F</Focus><QAPairs><QAPair pid=\"\"><Question>Q?</Question><Answer>Some answer text.</Answer></QAPair></QAPairs></Document>")]
    [InlineData("ori_pqal.json", "{\"../guideline\": {\"CONTEXTS\": [\"Some abstract text.\"]}}")]
    public async Task AnIdThatReducesToABundledDocumentsNameIsRefused(string name, string content)
    {
        File.WriteAllText(Path.Combine(root, "corpus", "pubmed-guideline.md"), Guideline);

        var result = await UploadAsync(name, content);

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains("bundled corpus already has a document", result.Message);
        Assert.Empty(WrittenFiles());
    }

    [Theory]
    [InlineData("../../tmp/x", "tmp-x")]
    [InlineData("GARD-0000004-1", "gard-0000004-1")]
    [InlineData("..\\..\\Windows\\x.md", "windows-x-md")]
    [InlineData("/etc/passwd\u0000", "etc-passwd")]
    [InlineData("Ünïcode — only", "n-code-only")]
    [InlineData("../..", "")]
    public void ASlugHasNoPathInIt(string value, string slug) => Assert.Equal(slug, UploadNames.Slug(value));

    [Fact]
    public void AVeryLongSlugIsCutButKeepsTwoLongIdsApart()
    {
        var first = UploadNames.Slug(new string('a', 500) + "1");
        var second = UploadNames.Slug(new string('a', 500) + "2");

        Assert.True(first.Length <= 120);
        Assert.NotEqual(first, second);
    }

    /// <summary>Issue 20, finding 3: an 18 KB Flate PDF grew the server by gigabytes before the character limit was checked.</summary>
    [Theory]
    [InlineData(20_000, true, "decompresses to more than")]
    [InlineData(4_000, true, "page 1 shows more than")]
    [InlineData(1_000, false, "a content stream shows more than")]
    public async Task APageThatShowsAbsurdlyMuchTextIsRefusedBeforeItIsRead(int lines, bool compressed, string reason)
    {
        var bomb = HandMadePdf.ShowingText(new string('A', 1000), lines, compressed);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var result = await UploadAsync(Uploads(new AdminOptions()), "bomb.pdf", bomb);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains(reason, result.Message);
        Assert.True(allocated < 100L * 1024 * 1024, $"{allocated / 1024 / 1024:N0} MB allocated");
    }

    [Fact]
    public async Task AnOrdinaryCompressedPdfIsStillRead()
    {
        var pdf = HandMadePdf.ShowingText("Metformin is first-line therapy for type 2 diabetes.", 40, compressed: true);

        var result = await UploadAsync("metformin.pdf", pdf);

        Assert.Equal(UploadOutcome.Accepted, result.Outcome);
        Assert.Contains("Metformin is first-line therapy", uploads.Source.Read().Documents.Single(d => d.Id == "metformin").Sections[0].Text);
    }

    /// <summary>Issue 20, finding 4: one 19 MB line became a document whose heading was 19 million characters.</summary>
    [Fact]
    public async Task AnAbsurdLineIsRefusedAndALongHeadingIsCut()
    {
        var roomy = Uploads(new AdminOptions { MaxUploadBytes = 1024 * 1024 });

        var line = await UploadAsync(roomy, "one-line.txt", Encoding.UTF8.GetBytes("Title\n" + new string('x', UploadedFileReader.MaxLineCharacters + 1)));
        var heading = await UploadAsync(roomy, "long-heading.md", Encoding.UTF8.GetBytes(Guideline.Replace("## Dosing", "## " + string.Concat(Enumerable.Repeat("dosing ", 5_000)), StringComparison.Ordinal)));

        Assert.Equal(UploadOutcome.Rejected, line.Outcome);
        Assert.Contains("line 2 is longer than 100,000 characters", line.Message);
        Assert.Equal(UploadOutcome.Accepted, heading.Outcome);
        var stored = Assert.Single(roomy.Source.Read().Documents, d => d.Id == "long-heading");
        Assert.InRange(Assert.Single(stored.Sections).Heading.Length, 100, UploadedFileReader.MaxTitleCharacters);
    }

    /// <summary>Issue 20, finding 9: an XML of repeated entities grew from 100 KB to 8 MB stored (here 12 KB would become 90 KB).</summary>
    [Fact]
    public async Task XmlEntitiesAreNotExpanded()
    {
        var entities = "<!DOCTYPE Document [<!ENTITY a \"" + string.Concat(Enumerable.Repeat("Aspirin. ", 10)) + "\">]>";
        var xml = entities + "<Document id=\"1\" source=\"GARD\"><Focus>F</Focus><QAPairs><QAPair pid=\"1\"><Question>Q?</Question><Answer>"
            + string.Concat(Enumerable.Repeat("&a;", 1000)) + "</Answer></QAPair></QAPairs></Document>";

        var result = await UploadAsync("entities.xml", xml);

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains("DTD", result.Message);
        Assert.Empty(WrittenFiles());
    }

    /// <summary>Issue 20, finding 9: the character limit applied to PDFs only.</summary>
    [Theory]
    [InlineData("long.txt", "Title\n\n{0}")]
    [InlineData("long.md", "---\ntitle: T\norganisation: O\ntype: guideline\nspecialty: s\n---\n{0}")]
    [InlineData("ori_pqal.json", "{{\"1\": {{\"CONTEXTS\": [\"{0}\"]}}}}")]
    [InlineData("long.xml", "<Document id=\"1\" source=\"GARD\"><QAPairs><QAPair pid=\"1\"><Answer>{0}</Answer></QAPair></QAPairs></Document>")]
    public async Task TheCharacterLimitAppliesToEveryFormat(string name, string layout)
    {
        var text = string.Concat(Enumerable.Repeat("Aspirin lowers the risk. ", 1_000));
        var limited = Uploads(new AdminOptions { MaxExtractedCharacters = 10_000 });

        var result = await UploadAsync(limited, name, Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, layout, text)));

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains("more than 10,000 characters", result.Message);
    }

    [Fact]
    public async Task ReadingStopsAtTheDeadline()
    {
        var result = await UploadAsync(Uploads(new AdminOptions { MaxProcessingSeconds = 0 }), "protocol.md", Encoding.UTF8.GetBytes(Guideline));

        Assert.Equal(UploadOutcome.Rejected, result.Outcome);
        Assert.Contains("took longer than 0 s", result.Message);
    }
}
