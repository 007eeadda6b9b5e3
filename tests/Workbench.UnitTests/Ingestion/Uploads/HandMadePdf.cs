using System.IO.Compression;
using System.Text;

namespace Workbench.UnitTests.Ingestion.Uploads;

/// <summary>A one-page PDF written byte by byte, so a test can put any content stream in it, compressed or not.</summary>
internal static class HandMadePdf
{
    public static byte[] WithContent(byte[] content, bool compressed)
    {
        var stream = compressed ? Deflate(content) : content;
        var filter = compressed ? " /Filter /FlateDecode" : "";
        byte[] contents = [.. Latin1($"<< /Length {stream.Length}{filter} >>\nstream\n"), .. stream, .. Latin1("\nendstream")];
        var objects = new List<byte[]>
        {
            Latin1("<< /Type /Catalog /Pages 2 0 R >>"),
            Latin1("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"),
            Latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            contents,
        };

        using var pdf = new MemoryStream();
        pdf.Write(Latin1("%PDF-1.4\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin1($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin1("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Latin1(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>A page showing <paramref name="text"/> once per line, <paramref name="lines"/> times.</summary>
    public static byte[] ShowingText(string text, int lines, bool compressed)
    {
        var content = new StringBuilder("BT /F1 10 Tf 40 750 Td 12 TL\n");
        for (var i = 0; i < lines; i++)
        {
            content.Append('(').Append(text).Append(") '\n");
        }

        content.Append("ET\n");
        return WithContent(Latin1(content.ToString()), compressed);
    }

    private static byte[] Deflate(byte[] content)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize))
        {
            zlib.Write(content);
        }

        return output.ToArray();
    }

    private static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}
