using System.Globalization;
using System.Text.RegularExpressions;

namespace Workbench.Core.Deidentification;

/// <summary>
/// The dates of <see cref="Deidentifier"/>: every written date is one, except what public text dates: citations, access
/// dates, approvals and publications, and the study periods of research about a group.
/// </summary>
internal static partial class DateFinder
{
    private const int TimeoutMilliseconds = Deidentifier.TimeoutMilliseconds;

    /// <summary>Dates, except those public text gives: citations, access dates, approvals and publications, study periods.</summary>
    internal static void AddDates(string text, List<Redaction> found, Spans insideUrls)
    {
        var monthYears = MonthYearDate().Matches(text).Select(m => (Group)m).ToHashSet();
        var dates = monthYears
            .Concat(new[] { NumericDate(), DayMonthAbbreviatedDate(), IsoDate(), MonthDayDate(), DayMonthDate(), ContextualShortDate() }
                .SelectMany(regex => regex.Matches(text).Select(m => m.Groups["date"].Success ? m.Groups["date"] : m.Groups[0])))
            .Where(d => !insideUrls.Overlaps(d.Index, d.Index + d.Length) && !(d.Index > 1 && text[d.Index - 1] == '.' && char.IsAsciiDigit(text[d.Index - 2])))
            .OrderBy(d => d.Index)
            .ThenByDescending(d => d.Length)
            .ToList();
        // "1 January 1996" is also matched as "January 1996": the shorter match inside the longer one would stand
        // between the two ends of a range, so a range is read from whole dates only.
        var reached = -1;
        dates = dates.Where(d =>
        {
            var inside = d.Index + d.Length <= reached;
            reached = Math.Max(reached, d.Index + d.Length);
            return !inside;
        }).ToList();

        // "between June 1, 2002 and September 1, 2009", "from January to September 2004": a range about a group is a study period,
        // and so is a range of a year or more in a sentence about no one person ("Between January 1, 1992, and August 31, 1994, the
        // senior author performed 255 biopsies"); one patient's ("she took warfarin from March 2015 to June 2019") is not: a word for
        // one person anywhere near (the sentence may have been cut at "Mrs.") keeps the range an identifier, and so does a short line
        // ("Warfarin from March 2015 to June 2019"): notes are terse, methods sections are not.
        var studyPeriods = new HashSet<Group>();
        for (var i = 0; i < dates.Count; i++)
        {
            var start = i > 0 ? dates[i - 1].Index + dates[i - 1].Length : Math.Max(0, dates[i].Index - 30);
            var between = text[Math.Min(start, dates[i].Index)..dates[i].Index];
            var pairedWithPrevious = i > 0 && RangeSeparator().IsMatch(between);
            var sentence = Sentence(text, dates[i].Index);
            if (((pairedWithPrevious || MonthRangeBefore().IsMatch(text[Math.Max(0, dates[i].Index - 30)..dates[i].Index])) && GroupWords().IsMatch(sentence))
                || (pairedWithPrevious && YearOrLonger(dates[i - 1].Value, dates[i].Value) && NameFinder.Word().Count(sentence) >= 12
                    && !OnePerson().IsMatch(text[Math.Max(0, dates[i - 1].Index - 150)..Math.Min(text.Length, dates[i].Index + 150)])))
            {
                studyPeriods.Add(dates[i]);
                if (pairedWithPrevious)
                {
                    studyPeriods.Add(dates[i - 1]);
                }
            }
        }

        foreach (var date in dates.Where(d => !studyPeriods.Contains(d) && !IsCitation(text, d)))
        {
            var before = text[Math.Max(0, date.Index - 60)..date.Index];
            var after = text[(date.Index + date.Length)..Math.Min(text.Length, date.Index + date.Length + 80)];
            var isPublic = monthYears.Contains(date)
                ? PublicationBefore().IsMatch(before) || ApprovalAfter().IsMatch(after) || StudyWords().IsMatch(Sentence(text, date.Index))
                : AccessedBefore().IsMatch(before);
            if (!isPublic)
            {
                found.Add(new Redaction(IdentifierKind.Date, date.Index, date.Length));
            }
        }
    }

    /// <summary>
    /// Whether a range written with month names spans a year or more ("January 2002 and February 2006"): a study's
    /// recruitment, not a stay in hospital. Numeric dates ("12/28/2022 to 01/04/2023") are how notes write, so they never count.
    /// </summary>
    private static bool YearOrLonger(string first, string last) => Months(last) - Months(first) >= 12;

    private static int? Months(string date) =>
        MonthName().Match(date) is { Success: true } month && Year().Match(date) is { Success: true } year
            ? (int.Parse(year.Value, CultureInfo.InvariantCulture) * 12) + ("janfebmaraprmayjunjulaugsepoctnovdec".IndexOf(month.Value[..3].ToLowerInvariant(), StringComparison.Ordinal) / 3)
            : null;

    /// <summary>A journal reference's date: "2007 Sep 27;357(13)", "GeneReviews. May 11, 2010; http://…".</summary>
    private static bool IsCitation(string text, Group date)
    {
        var end = date.Index + date.Length;
        var after = text[end..Math.Min(text.Length, end + 12)];
        var before = text[Math.Max(0, date.Index - 6)..date.Index];
        return CitationAfter().IsMatch(after) || CitationYearBefore().IsMatch(before);
    }

    /// <summary>The sentence around a position, up to 300 characters each way ("Jan. 1" does not end one).</summary>
    private static string Sentence(string text, int index)
    {
        var window = text[Math.Max(0, index - 300)..Math.Min(text.Length, index + 300)];
        var at = index - Math.Max(0, index - 300);
        var start = 0;
        var end = window.Length;
        foreach (Match boundary in SentenceEnd().Matches(window))
        {
            if (boundary.Index < at)
            {
                start = boundary.Index + boundary.Length;
            }
            else
            {
                end = boundary.Index;
                break;
            }
        }

        return window[start..end];
    }

    [GeneratedRegex(@"[.!?]\s+(?=\p{Lu})", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex SentenceEnd();

    /// <summary>Month-first or day-first, with a two- or four-digit year: 03/14/2023, 27.02.1992, 3-14-23.</summary>
    [GeneratedRegex(@"\b(?<date>\d{1,2}/\d{1,2}/(?:19|20)?\d{2}|\d{1,2}\.\d{1,2}\.(?:19|20)?\d{2}|\d{1,2}-\d{1,2}-(?:19|20)?\d{2})\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<date>\d{1,2}[-/ ]" + Month + @"[-/ ](?:19|20)?\d{2})\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex DayMonthAbbreviatedDate();

    [GeneratedRegex(@"\b(?<date>(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex IsoDate();

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2}\b)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthDayDate();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?(?:,?\s+(?:19|20)\d{2}\b)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex DayMonthDate();

    [GeneratedRegex(@"\b" + Month + @"\.?,?\s+(?:of\s+)?(?:19|20)\d{2}\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthYearDate();

    [GeneratedRegex(@"\b(?:on|since|from|until|till|dated|by|through|last seen|seen|admitted|discharged|born|DOB:?|due|next \w+|return|follow-up|appointment)\s+(?<date>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex ContextualShortDate();

    [GeneratedRegex(@"^,?\s*(?:-|–|—|to|and|through|until|till|through\s+to)\s*$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex RangeSeparator();

    /// <summary>"between May and", "from January to": the first month of a range written without its year.</summary>
    [GeneratedRegex(@"\b" + Month + @"\s+(?:and|to|through|-|–)\s+$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthRangeBefore();

    /// <summary>
    /// Words of research or of a population's events, hardly of one patient's note: a month-year in their sentence dates
    /// the study or the epidemic ("B/Yamagata viruses have not been confirmed in circulation since March 2020"), not a person.
    /// </summary>
    [GeneratedRegex(@"\b(?:enrolled|recruited|cohorts?|retrospective(?:ly)?|prospective(?:ly)?|consecutive|stud(?:y|ies)|trials?|surveys?|campaigns?|participants|subjects|respondents|registr(?:y|ies)|circulation|circulating|outbreaks?|pandemic|epidemic|surveillance|nationwide|worldwide)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex StudyWords();

    /// <summary>Words of a study about a group: a month-year range beside them is a study period, not one person's dates.</summary>
    [GeneratedRegex(@"\b(?:patients|participants|subjects|cases|women|men|children|infants|adults|individuals|persons|people|residents|students|cohort|enrolled|recruited|retrospective(?:ly)?|prospective(?:ly)?|consecutive|study|studies|trial|survey|registry|database|period|data|records|claims|"
        + @"examinations|procedures|sessions|beneficiaries|cent(?:re|er)s|hospitals|institution|admissions|visits|week|months|years|deaths|biopsies|specimens|samples|referrals|operations|charts)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex GroupWords();

    /// <summary>Words that make a sentence about one person: a date range in it is that person's, however long.</summary>
    [GeneratedRegex(@"\b(?:he|she|his|her|him|hers|patient|Mr|Mrs|Ms|Miss|Mx|wife|husband|son|daughter|mother|father|brother|sister|baby)\b",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex OnePerson();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Year();

    [GeneratedRegex(@"\b" + Month + @"\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthName();

    [GeneratedRegex(@"(?:approv|licens|authori[sz]|publish|updat|revis|issu|releas|launch|introduc|recommend|guideline|statement|accessed|retrieved|reviewed|last modified|as of|FDA|edition|version|available)\w*[^.;]{0,40}$",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex PublicationBefore();

    [GeneratedRegex(@"^[^.;]{0,80}\b(?:FDA|Food and Drug Administration|European Medicines Agency|EMA|approved|licensed|published|released|[A-Z]{3,6}\s(?:recommended|approved|harmoni[sz]ed|extended|added|updated|issued|published|released|expanded))\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex ApprovalAfter();

    [GeneratedRegex(@"\b(?:accessed|retrieved|last updated|last reviewed|published|last modified)(?: on)?:?\s*$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex AccessedBefore();

    [GeneratedRegex(@"^\s*;\s*(?:\d+\s*\(|\d+:\d|https?:|www\.)", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex CitationAfter();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\s+$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex CitationYearBefore();
}
