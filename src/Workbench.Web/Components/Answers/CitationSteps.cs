namespace Workbench.Web.Components.Answers;

/// <summary>Which citation the "[" and "]" keys open: the one after (or before) the last opened, or at first the first (or the last).</summary>
public static class CitationSteps
{
    public static Citation? Next(AskResult answer, int? lastOpened, int step)
    {
        // An abstention cites nothing; its keys walk the closest passages it lists instead.
        var citations = answer.Abstained ? answer.ClosestPassages : answer.Citations;
        if (citations.Count == 0)
        {
            return null;
        }

        var at = lastOpened is { } number ? citations.ToList().FindIndex(c => c.Number == number) : -1;
        var next = at < 0 ? (step > 0 ? 0 : citations.Count - 1) : Math.Clamp(at + step, 0, citations.Count - 1);
        return citations[next];
    }
}
