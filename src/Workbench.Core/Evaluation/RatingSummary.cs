using Workbench.Core.Evaluation.Statistics;

namespace Workbench.Core.Evaluation;

/// <summary>Clinicians' ratings of the answers one pipeline configuration gave: an unblinded source of evidence.</summary>
public sealed record RatingSummary(
    string Configuration,
    int Ratings,
    Estimate MeanScore,
    Estimate UnsupportedClaim,
    Estimate Unsafe,
    Estimate Outdated,
    Estimate Incomplete)
{
    /// <summary>Latest rating per answer, grouped by the configuration that produced the answer.</summary>
    public static IReadOnlyList<RatingSummary> Summarise(IEnumerable<(string Configuration, int Score, RatingFlags Flags)> ratings) =>
        ratings.GroupBy(r => r.Configuration)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.ToList();
                Estimate Share(RatingFlags flag) => Intervals.Wilson(list.Count(r => r.Flags.HasFlag(flag)), list.Count);
                return new RatingSummary(g.Key, list.Count, Intervals.Mean(list.Select(r => (double)r.Score).ToList()),
                    Share(RatingFlags.UnsupportedClaim), Share(RatingFlags.Unsafe), Share(RatingFlags.Outdated), Share(RatingFlags.Incomplete));
            })
            .ToList();
}
