using System.Text;
using Workbench.Core.Domain;

namespace Workbench.Cli;

public static class AnswerPrinter
{
    public static string Format(AskResult result)
    {
        var text = new StringBuilder();
        if (result.Abstained)
        {
            text.AppendLine(result.AbstentionReason);
            foreach (var passage in result.ClosestPassages)
            {
                text.AppendLine($"  closest ({passage.Score:F2}): {passage.Source.Title} — {passage.Heading}");
            }
        }
        else
        {
            text.AppendLine(result.Text).AppendLine();
            foreach (var citation in result.Citations)
            {
                text.AppendLine($"[{citation.Number}] {citation.Source.Title}, {citation.Source.Organisation} {citation.Source.Year} — {citation.Heading} (score {citation.Score:F2}) {citation.Source.Url}");
            }
        }

        text.Append($"embed {result.Timings.EmbedMs:F0} ms, retrieve {result.Timings.RetrieveMs:F0} ms, compose {result.Timings.ComposeMs:F0} ms");
        return text.ToString();
    }
}
