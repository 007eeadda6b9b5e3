namespace Workbench.Core.Deidentification;

/// <summary>A set of (start, end) spans merged and sorted, asked in logarithmic time: many finds meet many spans in a long text.</summary>
internal sealed class Spans
{
    private readonly List<(int Start, int End)> merged = [];

    public Spans(IEnumerable<(int Start, int End)> spans)
    {
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }
    }

    /// <summary>Whether some span shares a character with [start, end): only the span starting at or before it, or the next one, can.</summary>
    public bool Overlaps(int start, int end)
    {
        var i = Nearest(start);
        return (i >= 0 && start < merged[i].End) || (i + 1 < merged.Count && merged[i + 1].Start < end);
    }

    /// <summary>Whether [start, end) lies wholly inside one span.</summary>
    public bool Contains(int start, int end)
    {
        var i = Nearest(start);
        return i >= 0 && end <= merged[i].End;
    }

    /// <summary>The last span starting at or before <paramref name="start"/>, or -1.</summary>
    private int Nearest(int start)
    {
        int low = 0, high = merged.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (merged[middle].Start <= start)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found;
    }
}
