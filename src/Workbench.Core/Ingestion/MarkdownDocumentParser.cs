using System.Text;
using System.Text.RegularExpressions;
using Workbench.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Workbench.Core.Ingestion;

/// <summary>
/// Parses a corpus document: YAML front matter (title, organisation, year, type, specialty, url) and a
/// Markdown body whose <c>##</c> headings start sections.
/// </summary>
public static partial class MarkdownDocumentParser
{
    public static SourceDocument Parse(string id, string content)
    {
        content = content.ReplaceLineEndings("\n");
        if (!content.StartsWith("---\n", StringComparison.Ordinal))
        {
            throw new FormatException("missing YAML front matter (the file must start with a '---' line)");
        }

        var end = content.IndexOf("\n---", 4, StringComparison.Ordinal);
        if (end < 0)
        {
            throw new FormatException("front matter is not closed by a '---' line");
        }

        var metadata = ParseFrontMatter(content[4..end]);
        var bodyStart = content.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? string.Empty : content[(bodyStart + 1)..];
        var sections = ParseSections(body, metadata.Title);
        if (sections.Count == 0)
        {
            throw new FormatException("the document has no text after its front matter");
        }

        return new SourceDocument(id, metadata, sections);
    }

    private static DocumentMetadata ParseFrontMatter(string yaml)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode mapping
                ? mapping
                : throw new FormatException("front matter must be a YAML mapping of keys to values");
        }
        catch (YamlException ex)
        {
            throw new FormatException($"front matter is not valid YAML (line {ex.Start.Line}): {ex.Message}", ex);
        }

        string Required(string key) =>
            Optional(key) ?? throw new FormatException($"front matter lacks '{key}'");

        string? Optional(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { Length: > 0 } value }
                ? value.Trim()
                : null;

        // Year and address are optional (an uploaded text or PDF may have neither) but must be valid when given.
        int? year = null;
        if (Optional("year") is { } yearText)
        {
            year = int.TryParse(yearText, out var parsed) && parsed is >= 1900 and <= 2100
                ? parsed
                : throw new FormatException($"front matter 'year' must be a year, not '{yearText}'");
        }

        var typeText = Required("type");
        if (!DocumentTypes.TryParse(typeText, out var type))
        {
            throw new FormatException($"front matter 'type' must be 'guideline' or 'research', not '{typeText}'");
        }

        var url = Optional("url");
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            throw new FormatException($"front matter 'url' must be an http(s) address, not '{url}'");
        }

        return new DocumentMetadata(Required("title"), Required("organisation"), year, type, Required("specialty").ToLowerInvariant(), url);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^\s*(?:[-*+]|\d+[.)])\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(\*\*|__|`)")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)")]
    private static partial Regex Link();

    /// <summary>Flattens Markdown into sections of plain prose; list items become sentences of their own.</summary>
    public static IReadOnlyList<DocumentSection> ParseSections(string body, string title)
    {
        var sections = new List<DocumentSection>();
        var heading = title;
        var text = new StringBuilder();

        void Flush()
        {
            var value = text.ToString().Trim();
            if (value.Length > 0)
            {
                sections.Add(new DocumentSection(heading, value));
            }

            text.Clear();
        }

        foreach (var rawLine in body.Split('\n'))
        {
            var headingMatch = HeadingLine().Match(rawLine);
            if (headingMatch.Success)
            {
                Flush();
                // The level-1 heading repeats the title; sections are named by their own heading.
                heading = headingMatch.Groups[1].Length == 1 ? title : Clean(headingMatch.Groups[2].Value);
                continue;
            }

            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var isListItem = ListMarker().IsMatch(line);
            line = Clean(ListMarker().Replace(line, string.Empty));
            if (isListItem && line.Length > 0 && !".!?".Contains(line[^1]))
            {
                line += ".";
            }

            text.Append(line).Append(' ');
        }

        Flush();
        return sections;
    }

    private static string Clean(string line) => Emphasis().Replace(Link().Replace(line, "$1"), string.Empty).Trim();
}
