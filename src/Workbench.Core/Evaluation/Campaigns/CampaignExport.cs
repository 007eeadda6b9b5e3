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

    public static string ToJson(CampaignSummary campaign, IReadOnlyList<string> questions, CampaignResultsReport results, IReadOnlyList<Judgement> judgements) =>
        JsonSerializer.Serialize(new
        {
            campaign = new { campaign.Id, campaign.Name, campaign.CreatedAt, campaign.ClosedAt, configurations = campaign.Variants, raters = campaign.Raters.Select(r => r.Rater) },
            results,
            judgements = judgements.Select(j => new
            {
                j.Item,
                question = questions[j.Item / CampaignSummary.PairCount(campaign.Variants.Count)],
                j.Rater,
                first = campaign.Variants[j.FirstVariant].ToString(),
                second = campaign.Variants[j.SecondVariant].ToString(),
                firstScores = j.First,
                secondScores = j.Second,
                j.Preference,
                j.Comment,
                j.SubmittedAt,
            }),
        }, Json);

    /// <summary>One row per judgement: the item, who, which configurations, both rubrics, the preference.</summary>
    public static string JudgementsCsv(CampaignSummary campaign, IReadOnlyList<string> questions, IReadOnlyList<Judgement> judgements)
    {
        var csv = new StringBuilder();
        var axes = Rubric.Axes.Select(a => a.ToString().ToLowerInvariant()).ToList();
        Csv.Row(csv, ["item", "question", "rater", "first", "second", .. axes.Select(a => "first_" + a), .. axes.Select(a => "second_" + a), "preference", "comment", "submitted_at"]);
        foreach (var j in judgements)
        {
            Csv.Row(csv, [
                Number(j.Item), questions[j.Item / CampaignSummary.PairCount(campaign.Variants.Count)], j.Rater,
                campaign.Variants[j.FirstVariant].ToString(), campaign.Variants[j.SecondVariant].ToString(),
                .. Rubric.Axes.Select(a => Number(j.First[a])), .. Rubric.Axes.Select(a => Number(j.Second[a])),
                j.Preference.ToString(), j.Comment ?? string.Empty, j.SubmittedAt.ToString("O", CultureInfo.InvariantCulture),
            ]);
        }

        return csv.ToString();
    }

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
