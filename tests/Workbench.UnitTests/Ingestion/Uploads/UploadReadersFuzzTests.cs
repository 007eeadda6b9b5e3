using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workbench.Core.Deidentification;
using Workbench.Core.Ingestion;
using Workbench.Core.Ingestion.Uploads;
using Workbench.TestSupport;

namespace Workbench.UnitTests.Ingestion.Uploads;

/// <summary>
/// Issue 20: every upload reader (Markdown, text, PDF, PubMedQA JSON, MedQuAD XML) fed seeded random and
/// adversarial input, each file read or refused within 2 s and 200 MB of allocations per megabyte of input.
/// </summary>
public sealed class UploadReadersFuzzTests : IDisposable
{
    private const int Megabyte = 1024 * 1024;
    private const string FrontMatter = "---\ntitle: T\norganisation: O\ntype: guideline\nspecialty: s\n---\n";

    private readonly TempFolder root = new("workbench-fuzz-");
    private readonly CorpusUploads uploads;

    public UploadReadersFuzzTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "corpus"));
        uploads = new CorpusUploads(
            Options.Create(new AdminOptions { UploadDirectory = Path.Combine(root, "uploads") }),
            Options.Create(new CorpusOptions { Directory = Path.Combine(root, "corpus") }),
            Options.Create(new DeidentificationOptions { AllowListFile = Path.Combine(root, "allow-list.txt") }),
            NullLogger<CorpusUploads>.Instance);
    }

    public void Dispose() => root.Dispose();

    public static TheoryData<string, string> Inputs()
    {
        var inputs = new TheoryData<string, string>();
        foreach (var name in new[] { "upload.md", "upload.txt", "upload.pdf", "ori_pqal.json", "upload.xml" })
        {
            foreach (var kind in Generators.Keys.Where(k => k.StartsWith(Path.GetExtension(name)[1..] + ":", StringComparison.Ordinal) || k.StartsWith("any:", StringComparison.Ordinal)))
            {
                inputs.Add(name, kind);
            }
        }

        return inputs;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void EveryReaderStaysWithinItsBudget(string fileName, string kind)
    {
        var input = Generators[kind](fileName);
        var megabytes = Math.Max(1.0, input.Length / (double)Megabyte);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpuTime();
        string outcome;
        try
        {
            outcome = $"read {uploads.Read(fileName, input, CancellationToken.None).Count} documents";
        }
        catch (FormatException ex)
        {
            outcome = "refused: " + ex.Message;
        }

        cpu = ThreadCpuTime() - cpu;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.True(cpu < TimeSpan.FromSeconds(2 * megabytes), $"{kind} ({input.Length:N0} bytes, {outcome}) took {cpu.TotalSeconds:F1} s of CPU");
        Assert.True(allocated < 200 * megabytes * Megabyte, $"{kind} ({input.Length:N0} bytes, {outcome}) allocated {allocated / Megabyte:N0} MB");
    }

    /// <summary>
    /// The CPU time of the calling thread (Linux, in clock ticks of 10 ms), which reads the whole file: unlike
    /// the time on the clock it does not grow with everything else running on a shared build machine.
    /// </summary>
    private static TimeSpan ThreadCpuTime()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return TimeSpan.FromSeconds((long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0);
    }

    private static readonly Dictionary<string, Func<string, byte[]>> Generators = new()
    {
        ["any:random-text"] = name => Wrap(name, RandomText(1, Megabyte, "abc XYZ 019#*_-+.()[]`<>&;:\"'{}\\/\n\n\t")),
        ["any:random-bytes"] = _ => RandomBytes(2, Megabyte),
        ["any:heading-spaces"] = name => Wrap(name, Lines("## a" + new string(' ', 90_000) + "b", 11)),
        ["any:open-brackets"] = name => Wrap(name, Lines(new string('[', 90_000), 11)),
        ["any:unclosed-links"] = name => Wrap(name, Lines(Repeat("[a](", 22_000), 11)),
        ["any:emphasis"] = name => Wrap(name, Lines(Repeat("**__`", 18_000), 11)),
        ["any:list-markers"] = name => Wrap(name, Lines(Repeat("- 1. ", 18_000), 11)),
        ["any:dotted-words"] = name => Wrap(name, Lines(Repeat("a.", 45_000), 11)),
        ["any:one-huge-line"] = name => Wrap(name, Repeat("a.", Megabyte / 2)),
        ["any:many-headings"] = name => Wrap(name, Repeat("## h\n", Megabyte / 5)),
        ["md:yaml-nesting"] = _ => Utf8("---\ntitle: " + new string('[', 9_900) + "\n---\ntext"),
        ["md:yaml-aliases"] = _ => Utf8("---\n" + YamlLaughs() + "title: T\norganisation: O\ntype: guideline\nspecialty: s\n---\ntext"),
        ["md:unclosed-front-matter"] = _ => Utf8("---\n" + Repeat("key: value\n", Megabyte / 11)),
        ["pdf:flate-bomb"] = _ => HandMadePdf.ShowingText(new string('A', 1000), 50_000, compressed: true),
        ["pdf:plain-text-megabyte"] = _ => HandMadePdf.ShowingText(new string('A', 1000), 1000, compressed: false),
        ["pdf:mutated-1"] = _ => Mutated(3),
        ["pdf:mutated-2"] = _ => Mutated(4),
        ["pdf:mutated-3"] = _ => Mutated(5),
        ["pdf:nested-arrays"] = _ => HandMadePdf.WithContent(Encoding.Latin1.GetBytes(new string('[', Megabyte)), compressed: true),
        ["json:deep-nesting"] = _ => Utf8(new string('[', Megabyte)),
        ["json:many-traversal-keys"] = _ => Utf8("{" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"../../../x{i}\": {{\"CONTEXTS\": [\"text {i}\"]}}")) + "}"),
        ["json:huge-context"] = _ => Utf8("{\"1\": {\"CONTEXTS\": [\"" + Repeat("word ", Megabyte / 5) + "\"], \"LABELS\": [\"" + Repeat("L", 100_000) + "\"]}}"),
        ["xml:deep-nesting"] = _ => Utf8("<Document><QAPairs><QAPair><Answer>" + Repeat("<a>", 300_000) + "</Answer></QAPair></QAPairs></Document>"),
        ["xml:entities"] = _ => Utf8("<!DOCTYPE d [<!ENTITY a \"" + new string('a', 10_000) + "\">]><Document><QAPairs><QAPair><Answer>" + Repeat("&a;", 100_000) + "</Answer></QAPair></QAPairs></Document>"),
        ["xml:many-pairs"] = _ => Utf8("<Document id=\"../x\" source=\"../..\"><QAPairs>" + string.Join("", Enumerable.Range(0, 20_000).Select(i => $"<QAPair pid=\"{i}\"><Answer>answer {i}</Answer></QAPair>")) + "</QAPairs></Document>"),
    };

    /// <summary>Text formats get the text as it is (Markdown with front matter); the others the same text, which they must refuse or read.</summary>
    private static byte[] Wrap(string name, string text) => Utf8(name.EndsWith(".md", StringComparison.Ordinal) ? FrontMatter + text : text);

    private static string Lines(string line, int count) => string.Join('\n', Enumerable.Repeat(line, count));

    private static string Repeat(string value, int count) => new StringBuilder(value.Length * count).Insert(0, value, count).ToString();

    private static string YamlLaughs()
    {
        var yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            yaml.Append($"l{i}: &l{i} [{string.Join(", ", Enumerable.Repeat($"*l{i - 1}", 9))}]\n");
        }

        return yaml.Append("? *l9\n: bomb\n").ToString();
    }

    private static string RandomText(int seed, int length, string alphabet)
    {
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }

    private static byte[] RandomBytes(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        "%PDF-"u8.CopyTo(bytes);
        return bytes;
    }

    /// <summary>A readable compressed PDF with a few hundred bytes flipped.</summary>
    private static byte[] Mutated(int seed)
    {
        var pdf = HandMadePdf.ShowingText("Aspirin lowers the risk of a second heart attack.", 800, compressed: true);
        var random = new Random(seed);
        for (var i = 0; i < 300; i++)
        {
            pdf[5 + random.Next(pdf.Length - 5)] = (byte)random.Next(256);
        }

        return pdf;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
