using System.Globalization;
using System.Text;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>Writes a document as the corpus's Markdown (YAML front matter, one "##" heading per section), which <see cref="MarkdownDocumentParser"/> reads back.</summary>
public static class MarkdownDocumentWriter
{
    public static string Write(SourceDocument document)
    {
        var m = document.Metadata;
        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Quote(m.Title)).Append('\n');
        text.Append("organisation: ").Append(Quote(m.Organisation)).Append('\n');
        if (m.Year is { } year)
        {
            text.Append("year: ").Append(year.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        text.Append("type: ").Append(m.Type.ToKeyword()).Append('\n');
        text.Append("specialty: ").Append(Quote(m.Specialty)).Append('\n');
        if (m.Url is { } url)
        {
            text.Append("url: ").Append(Quote(url)).Append('\n');
        }

        text.Append("---\n\n");
        foreach (var section in document.Sections)
        {
            // A heading equal to the title would read back as the title anyway; others become "##" headings.
            text.Append("## ").Append(OneLine(section.Heading)).Append('\n');
            text.Append(section.Text.Trim()).Append("\n\n");
        }

        return text.ToString();
    }

    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    /// <summary>A YAML double-quoted scalar: backslashes and quotes escaped, line breaks flattened.</summary>
    private static string Quote(string value) =>
        "\"" + OneLine(value).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
