using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbench.Core.Answering.Verification;

/// <summary>A number as stated, with the unit that follows it and the period it is given per ("81 mg/day": 81, mg, day), both normalised.</summary>
public sealed record Quantity(string Number, string? Unit, string? Per);

/// <summary>
/// Numbers with their units. A sentence's number must be in the passage, and with the same unit and
/// period: "5.5 mm" against "5.5 cm", "150 lb" against "150 kg" or "1.65% per month" against "per year"
/// change the claim while keeping the digits.
/// </summary>
public static partial class Quantities
{
    private static readonly Dictionary<string, string> NumberWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6", ["seven"] = "7", ["eight"] = "8",
        ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12", ["single"] = "1", ["once"] = "1", ["twice"] = "2", ["half"] = "0.5",
    };

    /// <summary>Units as written (lower case, single spaces) and the form they are compared in.</summary>
    private static readonly Dictionary<string, string> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["%"] = "%", ["percent"] = "%", ["per cent"] = "%",
        ["mg"] = "mg", ["milligrams"] = "mg", ["g"] = "g", ["grams"] = "g", ["mcg"] = "mcg", ["µg"] = "mcg", ["micrograms"] = "mcg", ["kg"] = "kg",
        ["lb"] = "lb", ["lbs"] = "lb", ["pounds"] = "lb",
        ["mmol/l"] = "mmol/l", ["mmol/mol"] = "mmol/mol", ["mg/dl"] = "mg/dl", ["g/dl"] = "g/dl", ["g/l"] = "g/l", ["meq/l"] = "meq/l",
        ["mg/g"] = "mg/g", ["mg/mmol"] = "mg/mmol", ["mg/kg"] = "mg/kg", ["ml/kg"] = "ml/kg", ["cells/µl"] = "cells/µl", ["cells/ul"] = "cells/µl",
        ["mm hg"] = "mmhg", ["mmhg"] = "mmhg", ["cm h2o"] = "cmh2o", ["kpa"] = "kpa",
        ["ml/min/1.73 m2"] = "egfr", ["ml/min/1.73 m²"] = "egfr", ["ml/min"] = "ml/min", ["kg/m2"] = "kg/m2", ["kg/m²"] = "kg/m2",
        ["ml"] = "ml", ["l"] = "l", ["iu"] = "iu", ["units"] = "iu", ["mm"] = "mm", ["cm"] = "cm", ["metres"] = "m", ["meters"] = "m",
        ["pack-years"] = "pack-year", ["pack-year"] = "pack-year",
        ["weeks"] = "week", ["week"] = "week", ["days"] = "day", ["day"] = "day", ["months"] = "month", ["month"] = "month",
        ["years"] = "year", ["year"] = "year", ["hours"] = "hour", ["hour"] = "hour", ["h"] = "hour",
        ["minutes"] = "minute", ["minute"] = "minute", ["min"] = "minute", ["seconds"] = "second", ["ms"] = "ms",
        ["doses"] = "dose", ["dose"] = "dose", ["times"] = "times", ["bpm"] = "bpm", ["degrees"] = "degree",
    };

    /// <summary>The period a quantity is given per, however it is joined ("/day", "per day", "a day", "daily").</summary>
    private static readonly Dictionary<string, string> Periods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = "day", ["daily"] = "day", ["week"] = "week", ["weekly"] = "week", ["month"] = "month", ["monthly"] = "month",
        ["year"] = "year", ["yearly"] = "year", ["annually"] = "year", ["hour"] = "hour", ["hourly"] = "hour", ["dose"] = "dose",
    };

    /// <summary>The units by their spelling without spaces, so "mmHg", "mm Hg" and "mm  Hg" are one.</summary>
    private static readonly Dictionary<string, string> UnitsBySpelling =
        Units.DistinctBy(u => Unspaced(u.Key), StringComparer.OrdinalIgnoreCase).ToDictionary(u => Unspaced(u.Key), u => u.Value, StringComparer.OrdinalIgnoreCase);

    private static readonly Regex Quantity = BuildQuantity();

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|single|once|twice|half)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();

    /// <summary>Every number of the text, number words as digits, with its unit and period when stated.</summary>
    public static IReadOnlyList<Quantity> Of(string text)
    {
        var found = new List<Quantity>();
        foreach (Match match in Quantity.Matches(NumberWord().Replace(text, m => NumberWords[m.Value])))
        {
            var unit = match.Groups["unit"].Success ? UnitsBySpelling[Unspaced(match.Groups["unit"].Value)] : null;
            var per = match.Groups["per"].Success ? Periods[match.Groups["per"].Value] : null;
            found.Add(new Quantity(Normalise(match.Groups["from"].Value), unit, per));
            if (match.Groups["to"].Success)
            {
                found.Add(new Quantity(Normalise(match.Groups["to"].Value), unit, per));
            }
        }

        return found;
    }

    /// <summary>Each number of the sentence that the passage lacks, or has only with another unit or period.</summary>
    public static IEnumerable<string> Mismatches(string sentence, string passage)
    {
        var inPassage = Of(passage);
        foreach (var (number, unit, per) in Of(sentence))
        {
            var same = inPassage.Where(q => q.Number == number).ToList();
            if (same.Count == 0)
            {
                yield return $"the number {number}{(unit is null ? "" : " " + unit)} is not in the passage";
            }
            else if (unit is not null && same.All(q => q.Unit is not null && q.Unit != unit))
            {
                yield return $"{number} is in {same[0].Unit} in the passage, not {unit}";
            }
            else if (per is not null && same.Where(q => q.Unit == unit).ToList() is { Count: > 0 } sameUnit && sameUnit.All(q => q.Per is not null && q.Per != per))
            {
                yield return $"{number}{(unit is null ? "" : " " + unit)} is per {sameUnit[0].Per} in the passage, not per {per}";
            }
        }
    }

    /// <summary>The number a token stands for, as digits ("two" → "2", "1,000" → "1000"); null for any other word.</summary>
    public static string? Digits(string token) => token.Length > 0 && char.IsDigit(token[0]) ? Normalise(token) : NumberWords.GetValueOrDefault(token);

    private static string Unspaced(string text) => Space().Replace(text, string.Empty);

    private static string Normalise(string number) =>
        decimal.TryParse(number.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value.ToString("0.####", CultureInfo.InvariantCulture)
            : number;

    /// <summary>
    /// A number, an optional range end, an optional unit (joined by a space or a hyphen: "75-g") and an
    /// optional period. Longer units are tried first so "mg/kg" is not read as "mg".
    /// </summary>
    private static Regex BuildQuantity()
    {
        static string Alternatives(IEnumerable<string> words) =>
            string.Join('|', words.OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s*", StringComparison.Ordinal)));

        const string Number = @"\d+(?:[.,]\d+)*";
        return new Regex(
            $@"(?<![\w.])(?<from>{Number})(?:\s*(?:–|-|to)\s*(?<to>{Number}))?(?:\s*-?\s*(?<unit>{Alternatives(Units.Keys)}))?"
            + $@"(?:\s*(?:/|per|a|an|each)\s*(?<per>{Alternatives(Periods.Keys.Where(p => !p.EndsWith("ly", StringComparison.Ordinal)))})|\s+(?<per>{Alternatives(Periods.Keys.Where(p => p.EndsWith("ly", StringComparison.Ordinal)))}))?(?![\w])",
            RegexOptions.IgnoreCase | RegexOptions.Compiled);
    }
}
