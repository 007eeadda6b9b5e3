using System.IO.Compression;
using System.Runtime.InteropServices;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>
/// PdfPig's stream filters, counted: what one uploaded PDF decompresses to is measured before it is
/// allocated (Flate, LZW and run-length lengths are computed without keeping the output) and refused
/// beyond the limits, so a small file cannot expand into gigabytes. The text a page's content streams
/// show is bounded as well, because PdfPig keeps an object of a hundred-odd bytes per glyph while it
/// reads a page; without that bound one compressed page of a single repeated letter fills the memory.
/// </summary>
internal sealed class PdfDecodingBudget(long maxDocumentBytes, CancellationToken cancellationToken) : IFilterProvider
{
    /// <summary>One stream: a content stream or font this large is far beyond any real page.</summary>
    internal const int MaxStreamBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Bytes of shown strings in one content stream: a dense page shows under 10,000 characters. PdfPig takes
    /// about 10 µs per glyph, so this also keeps one page to about a second.
    /// </summary>
    internal const int MaxPageTextBytes = 50_000;

    private readonly IFilterProvider filters = DefaultFilterProvider.Instance;
    private readonly byte[] scratch = new byte[64 * 1024];
    private long documentBytes;
    private long pageTextBytes;
    private int page;

    /// <summary>Why the document was refused, kept because PdfPig may swallow the exception a filter throws and carry on.</summary>
    public string? Refusal { get; private set; }

    public void StartPage(int number)
    {
        page = number;
        pageTextBytes = 0;
    }

    public void ThrowIfRefused()
    {
        if (Refusal is { } refusal)
        {
            throw new FormatException(refusal);
        }
    }

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Counted(filters.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Counted(filters.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Counted(filters.GetAllFilters());

    private List<IFilter> Counted(IReadOnlyList<IFilter> chain) =>
        chain.Select((filter, i) => (IFilter)new CountedFilter(filter, this, i == chain.Count - 1)).ToList();

    private void Refuse(string reason)
    {
        Refusal ??= reason;
        throw new FormatException(Refusal);
    }

    /// <summary>Refuses a stream that would decode beyond what is left, before it is decoded.</summary>
    private void Admit(IFilter filter, ReadOnlyMemory<byte> input)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var limit = Math.Min(MaxStreamBytes, maxDocumentBytes - documentBytes);
        var length = filter switch
        {
            FlateFilter => InflatedLength(input, limit),
            LzwFilter => LzwLength(input.Span, limit),
            RunLengthFilter => RunLengthLength(input.Span),
            _ => 0,
        };
        if (length > limit)
        {
            Refuse(limit == MaxStreamBytes
                ? $"a stream of page {page} decompresses to more than {MaxStreamBytes / 1024 / 1024} MB (a decompression bomb?)"
                : $"the PDF decompresses to more than {maxDocumentBytes / 1024 / 1024:N0} MB (Admin__MaxPdfDecodedBytes)");
        }
    }

    private void Count(ReadOnlySpan<byte> output, DictionaryToken dictionary, bool final)
    {
        documentBytes += output.Length;
        if (output.Length > MaxStreamBytes || documentBytes > maxDocumentBytes)
        {
            Refuse($"the PDF decompresses to more than {Math.Min(MaxStreamBytes, maxDocumentBytes) / 1024 / 1024:N0} MB");
        }

        if (final && IsContent(dictionary))
        {
            pageTextBytes += ShownTextBytes(output);
            if (pageTextBytes > MaxPageTextBytes)
            {
                Refuse($"page {page} shows more than {MaxPageTextBytes:N0} characters of text (no real page does); split or repair the PDF");
            }
        }
    }

    /// <summary>
    /// Content streams stored uncompressed never pass through a filter, so their shown text is counted in the
    /// file itself before PdfPig reads a page: a stream with no /Filter, whose dictionary (the text since its
    /// "obj", at most 4 KB back) names no subtype but /Form and no font program.
    /// </summary>
    public void CountUncompressedContent(ReadOnlySpan<byte> pdf)
    {
        for (var at = 0; ;)
        {
            var found = pdf[at..].IndexOf("stream"u8);
            if (found < 0)
            {
                return;
            }

            var start = at + found;
            at = start + "stream"u8.Length;
            if (start >= 3 && pdf[(start - 3)..start].SequenceEqual("end"u8))
            {
                continue;
            }

            var header = pdf[Math.Max(0, start - 4096)..start];
            var dictionary = header[(header.LastIndexOf("obj"u8) is var obj and >= 0 ? obj : 0)..];
            var end = pdf[at..].IndexOf("endstream"u8);
            var body = end < 0 ? pdf[at..] : pdf[at..(at + end)];
            at += body.Length;
            if (dictionary.IndexOf("/Filter"u8) < 0 && (dictionary.IndexOf("/Subtype"u8) < 0 || dictionary.IndexOf("/Form"u8) >= 0)
                && dictionary.IndexOf("/Length1"u8) < 0 && dictionary.IndexOf("/Length2"u8) < 0 && dictionary.IndexOf("/Length3"u8) < 0
                && ShownTextBytes(body) > MaxPageTextBytes)
            {
                Refuse($"a content stream shows more than {MaxPageTextBytes:N0} characters of text (no real page does); split or repair the PDF");
            }
        }
    }

    /// <summary>Streams that draw a page (page contents, forms, glyph procedures), not fonts, images, colour profiles or metadata.</summary>
    private static bool IsContent(DictionaryToken dictionary)
    {
        var data = dictionary.Data;
        if (data.ContainsKey("Length1") || data.ContainsKey("Length2") || data.ContainsKey("Length3") || data.ContainsKey("N")
            || data.ContainsKey("FunctionType") || data.ContainsKey("ShadingType"))
        {
            return false;
        }

        var subtype = data.TryGetValue("Subtype", out var s) && s is NameToken subtypeName ? subtypeName.Data : null;
        var type = data.TryGetValue("Type", out var t) && t is NameToken typeName ? typeName.Data : null;
        return subtype is null or "Form" && type is null or "XObject";
    }

    /// <summary>Bytes inside string operands (literal and hexadecimal): at least one per glyph drawn. Overcounts on odd input, never undercounts.</summary>
    internal static long ShownTextBytes(ReadOnlySpan<byte> content)
    {
        long count = 0;
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] == '(')
            {
                var depth = 1;
                for (i++; i < content.Length && depth > 0; i++)
                {
                    switch (content[i])
                    {
                        case (byte)'\\':
                            i++;
                            break;
                        case (byte)'(':
                            depth++;
                            break;
                        case (byte)')':
                            depth--;
                            break;
                    }

                    count++;
                }

                i--;
            }
            else if (content[i] == '<' && i + 1 < content.Length && content[i + 1] != '<')
            {
                var end = content[i..].IndexOf((byte)'>');
                var length = end < 0 ? content.Length - i : end;
                count += length / 2;
                i += length;
            }
            else if (content[i] == '<')
            {
                i++;
            }
        }

        return count;
    }

    /// <summary>What a zlib stream inflates to, counted in a scratch buffer and given up once past the limit; a damaged tail ends the count, as PdfPig salvages what precedes it.</summary>
    private long InflatedLength(ReadOnlyMemory<byte> input, long limit)
    {
        if (input.Length <= 2)
        {
            return 0;
        }

        using var compressed = MemoryMarshal.TryGetArray(input[2..], out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(input[2..].ToArray(), writable: false);
        using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
        long length = 0;
        try
        {
            int read;
            while (length <= limit && (read = inflater.Read(scratch)) > 0)
            {
                length += read;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on: PdfPig keeps what came before, which is what was counted.
        }

        return length;
    }

    /// <summary>What an LZW stream (PDF's variant, early change) decodes to: each code adds its table entry's length, tracked without the bytes.</summary>
    internal static long LzwLength(ReadOnlySpan<byte> input, long limit)
    {
        const int clear = 256, end = 257, first = 258;
        var lengths = new int[4096];
        long total = 0;
        var next = first;
        var width = 9;
        var previous = -1;
        var bit = 0L;
        while (bit + width <= input.Length * 8L && total <= limit)
        {
            var code = 0;
            for (var b = 0; b < width; b++, bit++)
            {
                code = (code << 1) | ((input[(int)(bit >> 3)] >> (7 - (int)(bit & 7))) & 1);
            }

            if (code == end)
            {
                break;
            }

            if (code == clear)
            {
                (next, width, previous) = (first, 9, -1);
                continue;
            }

            var length = code < clear ? 1 : code < next ? lengths[code] : previous >= 0 ? Length(previous) + 1 : 1;
            total += length;
            if (previous >= 0 && next < lengths.Length)
            {
                lengths[next++] = Length(previous) + 1;
            }

            previous = code;
            width = next + 1 >= 2048 ? 12 : next + 1 >= 1024 ? 11 : next + 1 >= 512 ? 10 : 9;
        }

        return total;

        int Length(int code) => code < clear ? 1 : lengths[code];
    }

    /// <summary>What a run-length stream decodes to: a length byte before each literal run or repeated byte.</summary>
    internal static long RunLengthLength(ReadOnlySpan<byte> input)
    {
        long total = 0;
        for (var i = 0; i < input.Length && input[i] != 128; i++)
        {
            if (input[i] < 128)
            {
                total += input[i] + 1;
                i += input[i] + 1;
            }
            else
            {
                total += 257 - input[i];
                i++;
            }
        }

        return total;
    }

    private sealed class CountedFilter(IFilter filter, PdfDecodingBudget budget, bool final) : IFilter
    {
        public bool IsSupported => filter.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.Admit(filter, input);
            var output = filter.Decode(input, streamDictionary, filterProvider, filterIndex);
            budget.Count(output.Span, streamDictionary, final);
            return output;
        }
    }
}
