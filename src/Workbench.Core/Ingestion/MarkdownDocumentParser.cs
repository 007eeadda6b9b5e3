using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Workbench.Core.Ingestion;

/// <summary>
/// Parses a corpus document: YAML front matter (title, organisation, year, type, specialty, url) and a
/// Markdown body whose <c>##</c> headings start sections.
/// </summary>
public static class MarkdownDocumentParser
{
    private const int MaxFrontMatterCharacters = 10_000;

    public static SourceDocument Parse(string id, string content, CancellationToken cancellationToken = default)
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

        // Real front matter is a few hundred characters; the YAML reader is not meant for megabytes of it.
        if (end > MaxFrontMatterCharacters)
        {
            throw new FormatException($"front matter is longer than {MaxFrontMatterCharacters:N0} characters");
        }

        var metadata = ParseFrontMatter(content[4..end]);
        var bodyStart = content.IndexOf('\n', end + 1);
        var body = bodyStart < 0 ? string.Empty : content[(bodyStart + 1)..];
        var sections = ParseSections(body, metadata.Title, cancellationToken);
        if (sections.Count == 0)
        {
            throw new FormatException("the document has no text after its front matter");
        }

        return new SourceDocument(id, metadata, sections);
    }

    /// <summary>
    /// Front matter is a flat mapping. An alias makes a node count many times over (a few hundred bytes of
    /// "billion laughs" took minutes to load and hash), and deep nesting is read recursively: both are refused
    /// from the parser's events before anything is built.
    /// </summary>
    private static void RefuseAliasesAndDeepNesting(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias:
                    throw new FormatException("front matter may not use YAML aliases ('*name')");
                case SequenceStart or MappingStart when ++depth > 8:
                    throw new FormatException("front matter is nested too deeply");
                case SequenceEnd or MappingEnd:
                    depth--;
                    break;
            }
        }
    }

    private static DocumentMetadata ParseFrontMatter(string yaml)
    {
        YamlMappingNode root;
        try
        {
            RefuseAliasesAndDeepNesting(yaml);
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

    // Uploaded text reaches these, so neither may backtrack: each runs in time linear in its line. Headings
    // and list markers are read without a regex at all, the cheapest way to be linear on every line.
    private static readonly Regex Emphasis = new(@"\*\*|__|`", RegexOptions.NonBacktracking);
    private static readonly Regex Link = new(@"\[([^\]]+)\]\([^)]*\)", RegexOptions.NonBacktracking);

    /// <summary>Flattens Markdown into sections of plain prose; list items become sentences of their own.</summary>
    public static IReadOnlyList<DocumentSection> ParseSections(string body, string title, CancellationToken cancellationToken = default)
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
            cancellationToken.ThrowIfCancellationRequested();
            var level = rawLine.Length - rawLine.TrimStart('#').Length;
            if (level is >= 1 and <= 6 && level < rawLine.Length && char.IsWhiteSpace(rawLine[level]))
            {
                Flush();
                // The level-1 heading repeats the title; sections are named by their own heading, without a closing run of '#'.
                heading = level == 1 ? title : Clean(rawLine[level..].TrimEnd().TrimEnd('#'));
                continue;
            }

            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var marker = ListMarkerLength(line);
            line = Clean(line[marker..]);
            if (marker > 0 && line.Length > 0 && !".!?".Contains(line[^1]))
            {
                line += ".";
            }

            text.Append(line).Append(' ');
        }

        Flush();
        return sections;
    }

    /// <summary>The length of a list item's marker ("- ", "* ", "+ ", "12. ", "3) ") and the spaces after it; 0 when the line is no list item.</summary>
    private static int ListMarkerLength(string line)
    {
        var i = 0;
        if (line[0] is '-' or '*' or '+')
        {
            i = 1;
        }
        else
        {
            while (i < line.Length && char.IsDigit(line[i]))
            {
                i++;
            }

            i = i > 0 && i < line.Length && line[i] is '.' or ')' ? i + 1 : 0;
        }

        if (i == 0 || i == line.Length || !char.IsWhiteSpace(line[i]))
        {
            return 0;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        return i;
    }

    private static string Clean(string line)
    {
        if (line.Contains("](", StringComparison.Ordinal))
        {
            line = Link.Replace(line, "$1");
        }

        return (line.AsSpan().IndexOfAny("*_`") >= 0 ? Emphasis.Replace(line, string.Empty) : line).Trim();
    }
}
