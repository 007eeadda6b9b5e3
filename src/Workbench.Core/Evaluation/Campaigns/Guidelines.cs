using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// The owner's guidelines as HTML that is safe to show: raw HTML in the Markdown is escaped, never passed
/// through, and links and images keep only http(s) and mailto addresses (no javascript: or data:).
/// </summary>
public static class Guidelines
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsSafe(link.Url))
            {
                link.Url = "#";
            }
        }

        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.Scheme is "http" or "https" or "mailto"
            : url is not null && !url.Contains(':', StringComparison.Ordinal);
}
