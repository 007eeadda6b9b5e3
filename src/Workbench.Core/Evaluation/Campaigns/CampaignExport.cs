using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Workbench.Core.Text;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>A closed campaign's results and raw judgements as CSV and JSON, for analysis elsewhere.</summary>
public static class CampaignExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Results without excluded raters, with them (<c>resultsWithEveryone</c>, when any are excluded), and every judgement.</summary>
    public static string ToJson(CampaignOutcome outcome) =>
        JsonSerializer.Serialize(new
        {
            campaign = new
            {
                outcome.Campaign.Id, outcome.Campaign.Name, outcome.Campaign.CreatedAt, outcome.Campaign.ClosedAt, configurations = outcome.Campaign.Variants,
                raters = outcome.Campaign.Raters.Select(r => r.Rater), ratersPerItem = outcome.Campaign.RatersPerItem, outcome.Campaign.ExcludedRaters,
                outcome.Campaign.Guidelines, checks = outcome.Evidence.Checks.Values.OrderBy(c => c.Question),
            },
            results = outcome.Results,
            resultsWithEveryone = outcome.WithEveryone,
            judgements = outcome.Judgements.Select(j => new
            {
                j.Item,
                question = Question(outcome, j),
                check = Check(outcome, j),
                excluded = outcome.Campaign.ExcludedRaters.Contains(j.Rater),
                j.Rater,
                first = outcome.Campaign.Variants[j.FirstVariant].ToString(),
                second = outcome.Campaign.Variants[j.SecondVariant].ToString(),
                firstScores = j.First,
                secondScores = j.Second,
                j.Preference,
                j.Comment,
                j.SubmittedAt,
            }),
        }, Json);

    /// <summary>One row per judgement: the item, who, which configurations, both rubrics, the preference, the check's expectation, exclusion.</summary>
    public static string JudgementsCsv(CampaignOutcome outcome)
    {
        var csv = new StringBuilder();
        var axes = Rubric.Axes.Select(a => a.ToString().ToLowerInvariant()).ToList();
        Csv.Row(csv, ["item", "question", "rater", "first", "second", .. axes.Select(a => "first_" + a), .. axes.Select(a => "second_" + a), "preference", "comment", "submitted_at", "check_expected", "rater_excluded"]);
        foreach (var j in outcome.Judgements)
        {
            Csv.Row(csv, [
                Number(j.Item), Question(outcome, j), j.Rater,
                outcome.Campaign.Variants[j.FirstVariant].ToString(), outcome.Campaign.Variants[j.SecondVariant].ToString(),
                .. Rubric.Axes.Select(a => Number(j.First[a])), .. Rubric.Axes.Select(a => Number(j.Second[a])),
                j.Preference.ToString(), j.Comment ?? string.Empty, j.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
                Check(outcome, j) ?? string.Empty, outcome.Campaign.ExcludedRaters.Contains(j.Rater) ? "true" : "false",
            ]);
        }

        return csv.ToString();
    }

    private static string Question(CampaignOutcome outcome, Judgement j) => outcome.Questions[j.Item / CampaignSummary.PairCount(outcome.Campaign.Variants.Count)];

    private static string? Check(CampaignOutcome outcome, Judgement j) =>
        outcome.Evidence.Checks.GetValueOrDefault(j.Item / CampaignSummary.PairCount(outcome.Campaign.Variants.Count))?.Expected;

    /// <summary>The results tables as one long CSV: section, configuration(s), measure, value and interval.</summary>
    public static string ResultsCsv(CampaignResultsReport results)
    {
        var csv = new StringBuilder();
        Csv.Row(csv, ["section", "configuration", "versus", "measure", "value", "lower_95", "upper_95", "n"]);
        foreach (var s in results.Scores)
        {
            foreach (var (axis, e) in s.Axes)
            {
                Csv.Row(csv, ["mean_score", s.Configuration, string.Empty, axis.ToString(), Number(e.Value), Number(e.Lower), Number(e.Upper), Number(s.Judged)]);
            }

            Csv.Row(csv, ["mean_score", s.Configuration, string.Empty, "Overall", Number(s.Overall.Value), Number(s.Overall.Lower), Number(s.Overall.Upper), Number(s.Judged)]);
        }

        foreach (var p in results.Pairwise)
        {
            Csv.Row(csv, ["win_rate", p.First, p.Second, "first_win_rate", Number(p.FirstWinRate.Value), Number(p.FirstWinRate.Lower), Number(p.FirstWinRate.Upper), Number(p.Comparisons)]);
            Csv.Row(csv, ["power", p.First, p.Second, p.Separated ? "separated" : "not_separated", p.JudgementsNeeded is { } n ? Number(n) : string.Empty, string.Empty, string.Empty, Number(p.Comparisons)]);
        }

        foreach (var r in results.StyleControlled.Strengths)
        {
            Csv.Row(csv, ["style_controlled", r.Item, string.Empty, "strength", Number(r.Value), Number(r.Lower), Number(r.Upper), Number(results.Judgements)]);
        }

        foreach (var e in results.StyleControlled.Effects.Where(e => e.PerStandardDeviation is not null))
        {
            Csv.Row(csv, ["style_effect", string.Empty, string.Empty, $"{e.Covariate}_log_odds_per_sd", Number(e.PerStandardDeviation!.Value), Number(e.PerStandardDeviation.Lower), Number(e.PerStandardDeviation.Upper), Number(results.Judgements)]);
        }

        foreach (var q in results.Quality)
        {
            Csv.Row(csv, ["rater_quality", q.Rater, string.Empty, "check_pass_rate", q.CheckPassRate is { } c ? Number(c) : string.Empty, string.Empty, string.Empty, Number(q.ChecksTaken)]);
            Csv.Row(csv, ["rater_quality", q.Rater, string.Empty, "agreement_with_others", q.AgreementWithOthers is { } a ? Number(a) : string.Empty, string.Empty, string.Empty, Number(q.AgreementUnits)]);
            Csv.Row(csv, ["rater_quality", q.Rater, string.Empty, "anomaly_p", q.Anomaly is { } an ? Number(an.PValue) : string.Empty, string.Empty, string.Empty, Number(q.Anomaly?.Decisive ?? 0)]);
            Csv.Row(csv, ["rater_quality", q.Rater, string.Empty, "median_seconds_per_item", q.MedianSecondsPerItem is { } m ? Number(m) : string.Empty, string.Empty, string.Empty, Number(q.Items)]);
            Csv.Row(csv, ["rater_quality", q.Rater, string.Empty, "longest_flat_run", Number(q.LongestFlatRun), string.Empty, string.Empty, Number(q.Items)]);
        }

        foreach (var r in results.Ranking)
        {
            Csv.Row(csv, ["bradley_terry", r.Item, string.Empty, "strength", Number(r.Value), Number(r.Lower), Number(r.Upper), Number(results.Judgements)]);
        }

        foreach (var a in results.Agreement)
        {
            Csv.Row(csv, ["agreement", string.Empty, string.Empty, $"{a.Measure} ({a.Method})", a.Value is { } v ? Number(v) : string.Empty, string.Empty, string.Empty, Number(a.Units)]);
        }

        return csv.ToString();
    }

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
