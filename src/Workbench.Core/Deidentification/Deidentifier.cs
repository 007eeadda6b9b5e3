using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workbench.Core.Deidentification;

/// <summary>
/// Finds and replaces HIPAA Safe Harbor identifiers of patients, their relatives, household members and
/// employers in free text with typed placeholders such as <c>[NAME]</c> or <c>[DATE]</c>. Rules favour
/// recall (a missed identifier reaches the index) while leaving medicine and public facts alone: doses,
/// lab values, bare years, trial names, ages up to 89, eponyms in their medical use ("Down syndrome"),
/// organisations, toll-free hotlines, public web sites, citations and the month-year of a study period,
/// drug approval or publication are not identifiers. Names are found by titles, relations, roles and
/// labels, by a list of given names and by script, and then every later mention of a found name is replaced too.
/// Every regular expression is either non-backtracking or bounded by a timeout; text the rules cannot finish
/// in time (10 s a regex) is withheld whole rather than passed on unchecked.
/// </summary>
public static partial class Deidentifier
{
    /// <summary>
    /// Raised whenever a change of the rules can change what is stored: it is part of every indexed passage's hash,
    /// so an installation indexed by older rules re-derives its passages on the next start (issue 15: 2).
    /// </summary>
    public const int RulesVersion = 2;

    // Far above what linear work on a few megabytes takes, even on a busy machine: reaching it means a pathological input.
    private const int TimeoutMilliseconds = 10_000;

    public static string Placeholder(IdentifierKind kind) => kind switch
    {
        IdentifierKind.HealthPlan => "[HEALTH-PLAN]",
        IdentifierKind.Age => "[AGE>89]",
        _ => $"[{kind.ToString().ToUpperInvariant()}]",
    };

    public static DeidentifiedText Redact(string text) => Redact(text, AllowList.Empty);

    /// <summary>As <see cref="Redact(string)"/>, leaving alone whatever lies inside a term of <paramref name="allowed"/>.</summary>
    public static DeidentifiedText Redact(string text, AllowList allowed) => Redact(text, allowed, titleCase: false);

    /// <summary>
    /// As <see cref="Redact(string, AllowList)"/>; with <paramref name="titleCase"/> (a title or heading, where every
    /// word may be capitalised) names are found only by strong cues: titles, relations, labels, given names, script.
    /// </summary>
    public static DeidentifiedText Redact(string text, AllowList allowed, bool titleCase)
    {
        List<Redaction> redactions;
        try
        {
            var kept = new Spans(allowed.Occurrences(text));
            redactions = Resolve(Find(text, titleCase).Where(r => !kept.Contains(r.Start, r.End)).ToList());
        }
        catch (RegexMatchTimeoutException)
        {
            redactions = [new Redaction(IdentifierKind.Withheld, 0, text.Length)];
        }

        return new DeidentifiedText(Apply(text, redactions), redactions);
    }

    private static List<Redaction> Find(string text, bool titleCase)
    {
        var found = new List<Redaction>();
        void Add(IdentifierKind kind, Group group)
        {
            if (group.Success && group.Length > 0)
            {
                found.Add(new Redaction(kind, group.Index, group.Length));
            }
        }

        foreach (Match m in Email().Matches(text)) Add(IdentifierKind.Email, m.Groups[0]);
        var urls = new List<(int Start, int End)>();
        foreach (Match m in Url().Matches(text))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', ']');
            urls.Add((m.Index, m.Index + url.Length));
            if (!PublicSites.IsPublic(url) && !PublicLinkBefore().IsMatch(text[Math.Max(0, m.Index - 80)..m.Index]))
            {
                found.Add(new Redaction(IdentifierKind.Url, m.Index, url.Length));
            }
        }

        // A public site's address is kept whole: its article numbers and dates are not a patient's.
        var insideUrls = new Spans(urls);

        foreach (Match m in IpAddress().Matches(text))
        {
            // "EC 3.1.1.11" numbers an enzyme, not a computer.
            if (!text.AsSpan(0, m.Index).TrimEnd().EndsWith("EC", StringComparison.Ordinal))
            {
                Add(IdentifierKind.Ip, m.Groups[0]);
            }
        }

        foreach (Match m in Ssn().Matches(text)) Add(IdentifierKind.Ssn, m.Groups[0]);
        foreach (Match m in Phone().Matches(text).Concat(InternationalPhone().Matches(text)))
        {
            if (PublicSites.IsTollFree(m.Value))
            {
                continue;
            }

            var before = text[Math.Max(0, m.Index - 16)..m.Index];
            Add(before.Contains("fax", StringComparison.OrdinalIgnoreCase) ? IdentifierKind.Fax : IdentifierKind.Phone, m.Groups[0]);
        }

        foreach (Match m in LabelledNumber().Matches(text)) Add(LabelKind(m.Groups["label"].Value), m.Groups["value"]);
        foreach (Match m in StreetAddress().Matches(text))
        {
            Add(IdentifierKind.Address, m.Groups[0]);
            var after = PlaceAfterAddress().Match(text, m.Index + m.Length);
            Add(IdentifierKind.Address, after.Groups["city"]);
            Add(IdentifierKind.Zip, after.Groups["zip"]);
        }

        foreach (Match m in UnlabelledCode().Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            if (!IsPublicCode(text, m) && !insideUrls.Overlaps(m.Index, m.Index + m.Length))
            {
                Add(CodeKind(before), m.Groups[0]);
            }
        }

        foreach (Match m in Zip().Matches(text)) Add(IdentifierKind.Zip, m.Groups["zip"]);
        foreach (Match m in OldAge().Matches(text))
        {
            if (!IsAgeRangeOrDecimal(text, m.Groups["age"]))
            {
                Add(IdentifierKind.Age, m.Groups["age"]);
            }
        }

        AddDates(text, found, insideUrls);
        var publicSpans = new Spans(PublicNames.Spans(text));
        AddNames(text, found, publicSpans, titleCase);
        foreach (Match m in Employer().Matches(text))
        {
            Add(IdentifierKind.Name, m.Groups["org"]);
            AddPlace(m.Groups["place"]);
        }

        foreach (Match m in Residence().Matches(text)) AddPlace(m.Groups["place"]);
        foreach (Match m in OtherScriptName().Matches(text)) Add(IdentifierKind.Name, m.Groups[0]);
        return found;

        void AddPlace(Group place)
        {
            if (place.Success && !Regions.Contains(place.Value) && !Regions.Contains(place.Value.Split(' ')[0]))
            {
                Add(IdentifierKind.Address, place);
            }
        }
    }

    private static void AddNames(string text, List<Redaction> found, Spans publicSpans, bool titleCase)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void AddName(Group name, bool strong)
        {
            var value = name.Value;
            if (!NameStopWords.Contains(value.Split(' ')[0])
                && (strong || (!publicSpans.Overlaps(name.Index, name.Index + name.Length) && value.Split(' ', '-').All(IsPlausibleNameWord))))
            {
                names.Add(value);
            }
        }

        foreach (Match m in TitledName().Matches(text)) AddName(m.Groups["name"], strong: true);
        foreach (Match m in ContextName().Matches(text)) AddName(m.Groups["name"], strong: false);
        foreach (Match m in CapitalisedPair().Matches(text))
        {
            if (GivenNames.Contains(m.Groups["first"].Value))
            {
                AddName(m.Groups[0], strong: false);
            }
        }

        if (!titleCase)
        {
            foreach (Match m in StructuredName().Matches(text)) AddName(m.Groups["name"], strong: false);
            foreach (Match m in PatientSubject().Matches(text)) AddName(m.Groups["name"], strong: false);
            foreach (Match m in MetWith().Matches(text)) AddName(m.Groups["name"], strong: false);
        }

        foreach (Match m in SurnameFirst().Matches(text))
        {
            AddName(m.Groups["last"], strong: false);
            AddName(m.Groups["first"], strong: false);
        }

        // Every part of a found name is an identifier wherever it appears again ("Mr. Alvarez", "Tomas"),
        // except inside an eponym or an organisation's name ("Mrs. Down" but "Down syndrome").
        var candidates = names.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 1 && !NameStopWords.Contains(p))
            .Concat(names)
            .Distinct()
            .GroupBy(FirstWord)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Length).ToList(), StringComparer.Ordinal);
        if (candidates.Count == 0)
        {
            return;
        }

        foreach (Match word in Word().Matches(text))
        {
            if (!candidates.TryGetValue(FirstWord(word.Value), out var starting))
            {
                continue;
            }

            foreach (var name in starting)
            {
                var end = word.Index + name.Length;
                if (string.CompareOrdinal(text, word.Index, name, 0, name.Length) == 0 && (end == text.Length || !char.IsLetterOrDigit(text[end]))
                    && !publicSpans.Overlaps(word.Index, end))
                {
                    found.Add(new Redaction(IdentifierKind.Name, word.Index, name.Length));
                    break;
                }
            }
        }
    }

    private static string FirstWord(string name) => Word().Match(name).Value is { Length: > 0 } w ? TrimPossessive(w) : name;

    private static string TrimPossessive(string word) =>
        word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>
    /// Whether a capitalised word found by a weak cue can be part of a name: words that public text
    /// capitalises in titles and organisations ("Children", "Registry", "Acute") and words with a medical
    /// ending ("Neuralgia", "Chondromatosis") are not.
    /// </summary>
    private static bool IsPlausibleNameWord(string word) =>
        word.Length == 0 || (!CommonCapitalised.Contains(TrimPossessive(word)) && !Regions.Contains(word) && !(word.Length > 5 && MedicalEnding().IsMatch(word)));

    /// <summary>Dates, except those public text gives: citations, access dates, approvals and publications, study periods.</summary>
    private static void AddDates(string text, List<Redaction> found, Spans insideUrls)
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
                || (pairedWithPrevious && YearOrLonger(dates[i - 1].Value, dates[i].Value) && Word().Count(sentence) >= 12
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

    /// <summary>The upper end of an age range ("from 34 to 94 years", "range 75-93") or a decimal ("11.91 years") is not a person's age.</summary>
    private static bool IsAgeRangeOrDecimal(string text, Group age)
    {
        var before = text[Math.Max(0, age.Index - 12)..age.Index];
        var end = age.Index + age.Length;
        var after = text[end..Math.Min(text.Length, end + 8)];
        return AgeRangeBefore().IsMatch(before) || AgeRangeAfter().IsMatch(after);
    }

    /// <summary>Publication identifiers, genetic variants and hotlines ("PubMed 21645374", "20210G>A", "1-800-4-CANCER") are not a patient's codes.</summary>
    private static bool IsPublicCode(string text, Match code)
    {
        var before = text[Math.Max(0, code.Index - 12)..code.Index];
        var end = code.Index + code.Length;
        return PublicationIdBefore().IsMatch(before)
            || (end < text.Length && text[end] == '>')
            || (code.Index > 0 && text[code.Index - 1] == '>')
            || Variant().IsMatch(code.Value)
            || TollFreeVanity().IsMatch(code.Value);
    }

    /// <summary>Overlapping finds merge into one redaction of the earliest, longest kind.</summary>
    private static List<Redaction> Resolve(List<Redaction> found)
    {
        var result = new List<Redaction>();
        foreach (var r in found.OrderBy(r => r.Start).ThenByDescending(r => r.Length))
        {
            if (result.Count > 0 && result[^1].Overlaps(r.Start, r.End))
            {
                var last = result[^1];
                result[^1] = last with { Length = Math.Max(last.End, r.End) - last.Start };
                continue;
            }

            result.Add(r);
        }

        return result;
    }

    private static string Apply(string text, List<Redaction> redactions)
    {
        var output = new StringBuilder(text.Length);
        var position = 0;
        foreach (var r in redactions)
        {
            output.Append(text, position, r.Start - position).Append(Placeholder(r.Kind));
            position = r.End;
        }

        return output.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>An identifier-shaped code with no label takes its kind from the words just before it.</summary>
    private static IdentifierKind CodeKind(string before) =>
        CodeContext().Match(before) is { Success: true } m ? LabelKind(m.Value) : IdentifierKind.Device;

    private static IdentifierKind LabelKind(string label)
    {
        var l = label.ToLowerInvariant();
        return l switch
        {
            _ when l.Contains("mrn") || l.Contains("record") || l.Contains("mr#") || l.Contains("chart") => IdentifierKind.Mrn,
            _ when l.Contains("acc") || l.Contains("billing") || l.Contains("invoice") => IdentifierKind.Account,
            _ when l.Contains("lic") || l.Contains("dea") || l.Contains("npi") || l.StartsWith("dl", StringComparison.Ordinal) => IdentifierKind.License,
            _ when l.Contains("serial") || l.Contains("sn") || l.Contains("s/n") || l.Contains("device") || l.Contains("udi") || l.Contains("lot") => IdentifierKind.Device,
            _ => IdentifierKind.HealthPlan,
        };
    }

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Email();

    /// <summary>A URL up to the next space; trailing punctuation is trimmed by the caller. A bare host needs its domain in lower case ("smokers.DESIGN/" is an abstract's run-on heading).</summary>
    [GeneratedRegex(@"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/)[^\s<>""']*", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?<label>MRN|MR\s?#|medical record(?: number| no\.?)?|record (?:number|no\.?)|chart (?:number|no\.?)|account(?: number| no\.?)?|acct\.?(?: no\.?)?|billing (?:number|no\.?|account)|invoice (?:number|no\.?)|(?:driver'?s )?licen[cs]e(?: number| no\.?)?|DL(?=\s*[:#])|DEA(?: number| no\.?)?|NPI|serial(?: numbers?| no\.?)?|S/?N|device (?:ID|identifier|serial)|UDI|lot(?: number| no\.?)?|(?:member|beneficiary|policy|subscriber)(?: (?:ID|identifier|number|no\.?))?|(?:insurance|health plan|plan|group|Medicare|Medicaid)(?: beneficiary)? (?:ID|identifier|number|no\.?))\s*(?:is|was|of)?\s*[:#]?\s*(?<value>(?=[A-Z0-9-]{0,40}\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])", RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex LabelledNumber();

    /// <summary>
    /// Codes such as PX-448291-B, 8JJ7-TW0-MN22, X8754334272 or 00483921: five or more digits in a token
    /// of capitals, digits and hyphens with at least one letter, or seven digits in a row. Ranges such as
    /// 130-139, year spans and trial registrations (NCT, ISRCTN) are not identifiers.
    /// </summary>
    [GeneratedRegex(@"\b(?!NCT|ISRCTN|ACTRN|ChiCTR|EudraCT|DRKS|CTRI|UMIN|PMID)(?!(?:19|20)\d{2}[-/]\d{2}\b)(?!\d{5}-\d{4}\b)(?:(?=[A-Z0-9-]{0,40}[A-Z])(?=(?:[A-Z-]{0,40}\d){5})[A-Z0-9]+(?:-[A-Z0-9]+)*|\d{7,})\b(?![.,]\d)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex UnlabelledCode();

    [GeneratedRegex(@"(?:record|chart|MRN|account|billing|licen[cs]e|serial|device|recorder|pacemaker|aid|implant|member|beneficiary|Medicare|Medicaid|insurance|plan)[^.;]*$", RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex CodeContext();

    /// <summary>What follows a street address: its town and its ZIP code, each optional.</summary>
    [GeneratedRegex(@"\G(?:,\s*(?<city>\p{Lu}\p{Ll}+(?:\s(?:(?:de|la|le|du|upon|on)\s)*\p{Lu}\p{Ll}+){0,3}))?(?:,?\s*[A-Z]{2}\b)?(?:,?\s*(?<zip>\d{5}(?:-\d{4})?)\b)?", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex PlaceAfterAddress();

    [GeneratedRegex(@"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Row|Crescent|Walk|Mews|Gardens)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[A-Za-z0-9-]+)?", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"(?:\b" + StateCode + @"|\bZIP(?: code)?:?|\bzip(?: code)?:?)\s+(?<zip>\d{5}(?:-\d{4})?)\b|(?<zip>\b\d{5}-\d{4}\b)", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Zip();

    /// <summary>Ages over 89: "92-year-old", "aged 95", "95 y/o", "Felix Calloway, 95,". Nothing to look back or ahead for: linear on any input.</summary>
    [GeneratedRegex(@"\b(?<age>9\d|1[0-2]\d)(?:[- ](?:years?|yrs?|y/?o)\b|-year|\s*(?:yo|y\.o\.)(?:\W|$))|\b(?:aged?|age of|age at death|turned|is now|now)\s+(?<age>9\d|1[0-2]\d)\b|\b\p{Lu}[\p{Ll}'-]+,\s(?<age>9\d|1[0-2]\d),", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex OldAge();

    /// <summary>Month-first or day-first, with a two- or four-digit year: 03/14/2023, 27.02.1992, 3-14-23.</summary>
    [GeneratedRegex(@"\b(?<date>\d{1,2}/\d{1,2}/(?:19|20)?\d{2}|\d{1,2}\.\d{1,2}\.(?:19|20)?\d{2}|\d{1,2}-\d{1,2}-(?:19|20)?\d{2})\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<date>\d{1,2}[-/ ]" + Month + @"[-/ ](?:19|20)?\d{2})\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex DayMonthAbbreviatedDate();

    [GeneratedRegex(@"\b(?<date>(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex IsoDate();

    private const string StateCode = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)";

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2}\b)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthDayDate();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?(?:,?\s+(?:19|20)\d{2}\b)?", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex DayMonthDate();

    [GeneratedRegex(@"\b" + Month + @"\.?,?\s+(?:of\s+)?(?:19|20)\d{2}\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex MonthYearDate();

    [GeneratedRegex(@"\b(?:on|since|from|until|till|dated|by|through|last seen|seen|admitted|discharged|born|DOB:?|due|next \w+|return|follow-up|appointment)\s+(?<date>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex ContextualShortDate();

    private const string NameWord = @"\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+|['’]\p{Lu}\p{Ll}+)?";

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Nurse|nurse|Sister|Chaplain|chaplain)\.?\s+(?<name>" + NameWord + @"(?:\s+" + NameWord + @")?)", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex TitledName();

    [GeneratedRegex(@"(?<name>\p{Lu}\p{Ll}+)(?=,\s\d{1,3}-(?:year|month|week|day)-old)|\b(?:[Pp]atient|[Pp]t\.?|[Nn]ame|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Mm]other|[Ff]ather|[Bb]rother|[Ss]ister|[Ss]pouse|[Gg]randmother|[Gg]randfather|[Aa]unt|[Uu]ncle|[Cc]ousin|[Nn]iece|[Nn]ephew|[Pp]artner|[Gg]uardian|[Cc]aregiver|[Cc]arer|[Pp]roxy|[Gg]rand(?:son|daughter|child)|[Ss]tep(?:son|daughter|mother|father)|[Ff]ianc[ée]e?|[Bb]oyfriend|[Gg]irlfriend|[Rr]oommate|[Ll]odger|[Hh]ousemate|[Ff]latmate|[Ll]andlord|[Ll]andlady|[Ww]idow(?:er)?|[Tt]win|[Ss]igned(?: by)?|[Ss]een by|[Rr]eferred by|[Cc]ontact|[Nn]eighbo(?:u)?r|[Ff]riend|[Cc]c|Attn|RN|MD|NP|PA)\s*[:,]?\s+(?<name>" + NameWord + @"(?:\s+" + NameWord + @")?)(?=[,.;:)]|\r?\n|\s(?![\p{Lu}(])|$)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex ContextName();

    [GeneratedRegex(@"\b(?<first>\p{Lu}\p{Ll}+)\s+(?<last>" + NameWord + @")\b", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex CapitalisedPair();

    private const string FullName = @"" + NameWord + @"(?:\s\p{Lu}\.)?(?:\s(?:[Vv]an|[Dd]e|[Dd]er|[Vv]on|[Dd]a|[Dd]el|[Ll]a|[Ll]e|[Bb]in|[Aa]l))*\s(?:O'|Mc|Mac)?" + NameWord;

    /// <summary>
    /// Two capitalised words (a middle initial and particles allowed) that a name's surroundings give
    /// away: a credential after it, a possessive, an age or record right after it, or a role before it.
    /// </summary>
    [GeneratedRegex(@"(?<name>\p{Lu}\p{Ll}+\s\p{Lu}\.\s(?:O'|Mc|Mac)?" + NameWord + @")"
        + @"|(?<name>" + FullName + @")(?=,?\s(?:RN|MD|NP|PA(?:-C)?|DO|PhD|PharmD|RPh|LPN|CNM|DDS|MSW|LCSW)\b|'s\b|,\s(?:DOB|age|aged|born|MRN|SSN|NHS|member|account|acct|insurance|policy|a\s|an\s|\d{1,3}-(?:year|month)|\d{1,3}\s(?:years?|yrs?|months?)\b|\[|\d{1,5}\s[A-Z]|\d{2,3},|\S+@)|\sis\sa\s\d|\s\((?:MRN|DOB|SSN|age|aged|born|b\.|\d|\S+@|[a-z]+\))|\s(?:consented|agreed|requests|reports|denies|presents|to\sstart|to\sreturn|will\scover|reviewed|shows)|\s(?:" + PatientVerb + @")\b)"
        // After a bare preposition a capitalised pair is often a title ("Opioids for Pain Management"): only a pair that ends the clause counts.
        + @"|(?<=\b(?:[Ff]or|[Ww]ith|[Bb]y|[Tt]o|[Ff]rom)\s)(?<name>" + FullName + @")(?=[,;:]|\.(?:\s|$)|\s\((?:MRN|DOB|SSN|age|aged|born|b\.|\d|\S+@|[a-z]+\))|\s(?:from|regarding|about|today|tomorrow)\b|$)"
        + @"|(?<=(?:^|\n)(?:From|To|Attn|Cc|CC|Re):[ \t]{0,8})(?<name>" + FullName + @")"
        // A "Name: message" line, as in a message thread; "Breast Cancer: outlook" is a heading, not a label.
        + @"|(?<=(?:^|\n))(?<name>" + FullName + @")(?=:[ \t]+\p{Lu})"
        + @"|(?<=\()(?<name>" + FullName + @")(?=\))"
        + @"|(?<=\b(?:[Uu]ser|[Ss]ubscriber|[Ee]mployee|[Nn]ephrologist|[Cc]ardiologist|[Pp]hysician|[Cc]linician|[Cc]ross-cover:|[Pp]articipant|[Pp]roband|[Gg]uarantor|[Cc]ounselor|[Ss]urgeon:?|[Aa]ssistant:?|[Dd]ear|[Hh]i|[Hh]ello|[Aa]ttending:?|[Pp]rovider:?|PCP:?|[Rr]esident:?|[Ww]itnessed by|[Rr]equested by|[Dd]ictated by|[Rr]eported to|[Cc]ontact:?)\s)(?<name>" + FullName + @")(?=[\s,.;:)]|$)", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex StructuredName();

    /// <summary>What is said of a patient and hardly of a drug, a disease or a public body: "was restless", "lives with", "died".</summary>
    private const string PatientVerb = @"(?:was|is|has\sbeen)\s(?:restless|confused|agitated|drowsy|comfortable|seen|reviewed|admitted|readmitted|discharged|transferred|diagnosed|found|brought|referred|"
        + @"intubated|extubated|sedated|examined|assessed|transfused|weighed|born|last\sseen)|lives|lived|died|passed\saway|complains|complained|denies|denied|tolerated|ambulated|slept|"
        + @"attended|underwent|presented|arrived|refused|declined|works|worked|has\sbeen\s(?:employed|working|living)";

    /// <summary>A single capitalised word said to do what patients do ("Nerys was restless overnight").</summary>
    [GeneratedRegex(@"\b(?<name>" + NameWord + @")\s(?:(?:was|is)\s(?:restless|confused|agitated|drowsy|comfortable|admitted|readmitted|discharged|transferred|intubated|extubated|sedated|transfused|last\sseen)"
        + @"|lives|lived|died|passed\saway|complains|denies|tolerated|ambulated|slept|refused|declined)\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex PatientSubject();

    /// <summary>Someone met or spoken with: "Telehealth visit with Łukasz Thérien", "accompanied by Ana Ruiz".</summary>
    [GeneratedRegex(@"\b(?:visit|seen|spoke|spoken|met|meeting|call|discussed|consultation|appointment|session|accompanied\sby|brought\sin\sby)\s+(?:with\s+)?(?<name>" + FullName + @")\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex MetWith();

    /// <summary>International numbers: "+44 7700 900123", "+33 1 42 68 53 00".</summary>
    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .-]\d{1,6}){2,5}\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex InternationalPhone();

    /// <summary>"Gallagher, Ravi |" or "Gallagher, Ravi (MRN": surname-first headers.</summary>
    [GeneratedRegex(@"(?<last>" + NameWord + @"),\s(?<first>\p{Lu}\p{Ll}+)(?=\s*(?:\||\(|MRN|DOB|$))", RegexOptions.Multiline, TimeoutMilliseconds)]
    private static partial Regex SurnameFirst();

    private const string Capitalised = @"\p{Lu}[\p{L}'’-]*";

    /// <summary>
    /// An employer or school named after a job, "employed by", "works at" or "attends" ("a welder at Ironbridge
    /// Steelworks"), with the town it is in when one follows ("at Tidewater Cannery in Tuolumne County").
    /// </summary>
    [GeneratedRegex(@"\b(?:employed\s+(?:by|at)|works?\s+(?:at|for)|worked\s+(?:at|for)|working\s+(?:at|for)|[Ee]mployer:?|attends|pupil\s+at|student\s+at|"
        + @"(?:operator|worker|teacher|driver|nurse|cook|agent|supervisor|engineer|manager|clerk|cashier|miner|machinist|welder|baker|hand|labou?rer|farmer|mechanic|"
        + @"electrician|carpenter|plumber|cleaner|technician|accountant|secretary|receptionist|guard|firefighter|employee|volunteer)s?\s+(?:at|for|with))"
        + @"\s+(?:the\s+)?(?<org>" + Capitalised + @"(?:\s+(?:&\s+|and\s+|of\s+)?" + Capitalised + @"){0,4})(?:,?\s+in\s+(?<place>\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}))?",
        RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Employer();

    /// <summary>A town someone lives, lived or was born in ("lives in Westbrook", "at home in Millbury"); countries and states are dropped after.</summary>
    [GeneratedRegex(@"\b(?:lives?|living|lived|resides?|resided|residing|home|farm|resident|moved|relocated|born)\s+(?:in|at|to|of|near|from)\s+"
        + @"(?<place>\p{Lu}\p{Ll}+(?:\s+(?:(?:de|la|le|du|upon|on)\s+)*\p{Lu}\p{Ll}+){0,3})", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Residence();

    /// <summary>
    /// Words in a script other than Latin (Han, Hangul, kana, Cyrillic, Arabic, Hebrew, Indic, Thai, Greek of three
    /// letters or more) in a note written in English are names: the rules have no other cue for them.
    /// </summary>
    [GeneratedRegex(@"(?:[\p{IsCyrillic}\p{IsArabic}\p{IsHebrew}\p{IsDevanagari}\p{IsBengali}\p{IsTamil}\p{IsThai}\p{IsHangulSyllables}\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsArmenian}\p{IsGeorgian}]+|\p{IsGreek}{3,})"
        + @"(?:[ \t](?:[\p{IsCyrillic}\p{IsArabic}\p{IsHebrew}\p{IsDevanagari}\p{IsBengali}\p{IsTamil}\p{IsThai}\p{IsHangulSyllables}\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsArmenian}\p{IsGeorgian}]+|\p{IsGreek}{3,}))*",
        RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex OtherScriptName();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’-][\p{L}\p{M}\p{Nd}]+)*", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Word();

    [GeneratedRegex(@"(?:itis|osis|oses|emia|aemia|(?:carcin|sarc|lymph|terat|melan|aden|my|fibr|lip|gli|blast|neur|angi|mening|chondr|oste|papill|thym|insulin)omas?|pathy|plasia|trophy|ectomy|otomy|ostomy|plasty|scopy|graphy|ology|ologist|iasis|uria|algia|penia|megaly|philia|phobia|genic|ysis|ment|ness|tion|sion)$",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex MedicalEnding();

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

    /// <summary>A link a public text offers its readers: "on their Web site at", "at the following link:".</summary>
    [GeneratedRegex(@"(?:web\s?sites?|web\s?pages?|web\s?links?|following\s+links?|link\s+below|links?:)[^.]{0,40}$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex PublicLinkBefore();

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

    [GeneratedRegex(@"(?:\d\s*(?:-|–|to)\s*|\d[.,]|±\s*|\d\s*(?:and|or)\s*)$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex AgeRangeBefore();

    [GeneratedRegex(@"^(?:\s*(?:-|–|to|or|and)\s*\d|[.,]\d)", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex AgeRangeAfter();

    [GeneratedRegex(@"\b(?:PubMed|PMID|PMCID|PMC|NBK|ISBN|ISSN|doi|DOI|Registry|registration)[:\s]*$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex PublicationIdBefore();

    /// <summary>A hotline spelt in letters: "1-800-4-CANCER".</summary>
    [GeneratedRegex(@"^(?:1-)?8(?:00|33|44|55|66|77|88)-", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex TollFreeVanity();

    /// <summary>A DNA or protein change written as reference, position, variant: G20210A, c.1799T, R506Q.</summary>
    [GeneratedRegex(@"^(?:[ACGTU]\d+[ACGTU]|[A-Z]\d+[A-Z]|c\.\d+|rs\d+|\d+[ACGTU])$", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    private static partial Regex Variant();

    /// <summary>Capitalised words that follow "patient", "name" etc. without being names.</summary>
    private static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "It", "He", "She", "They", "His", "Her", "Is", "Was", "Has", "Had", "Will", "Should", "Who", "With",
        "And", "Or", "In", "On", "At", "To", "For", "Of", "By", "From", "After", "Before", "Reports", "Reported", "Denies",
        "Presents", "Presented", "Education", "Information", "Portal", "Safety", "Care", "History", "Advised", "Started",
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Nurse", "Sister",
    };

    /// <summary>Words public text capitalises in headings, titles and organisations that a weak cue would otherwise take for a name.</summary>
    private static readonly HashSet<string> CommonCapitalised = new(StringComparer.Ordinal)
    {
        "Abdomen", "Abdominal", "Abnormal", "About", "Acid", "Activities", "Acute", "Adult", "Africa", "African", "Alaska", "All", "Alliance",
        "Also", "Alternatives", "Although", "America", "American", "Anemia", "Annual", "Anomalies", "Anomaly", "Answers", "Aplasia", "Appendix",
        "April", "Arab", "Are", "Arm", "Arms", "Arterial", "Asia", "Asian", "Ask", "Assessment", "Association", "Atrophy", "Atypical", "August",
        "Australian", "Autumn", "Awareness", "Baby", "Bacteria", "Bacterial", "Be", "Because", "Behavioral", "Behavioural", "Bilateral", "Black",
        "Bladder", "Blocked", "Blood", "Board", "Bone", "Bones", "Both", "Brain", "Brazilian", "Breast", "Breath", "British", "Can", "Canadian",
        "Cancer", "Cancers", "Carcinoma", "Cardiac", "Cardiology", "Care", "Carolina", "Catholic", "Caucasian", "Causes", "Cell", "Cells", "Center",
        "Central", "Centre", "Cerebral", "Cervical", "Chapter", "Chest", "Child", "Children", "Chinese", "Christian", "Christmas", "Chromosome",
        "Chromosomes", "Chronic", "City", "Class", "Classes", "Classic", "Classical", "Click", "Clinic", "Clinical", "Clinics", "College",
        "Committee", "Common", "Commonwealth", "Community", "Complete", "Complication", "Complications", "Computed", "Concerned", "Congenital",
        "Consensus", "Contact", "Coping", "Cord", "Coronary", "Could", "Council", "County", "Cranial", "Daily", "Dakota", "Danish", "Day",
        "December", "Defect", "Defects", "Deficiency", "Deletion", "Dental", "Department", "Depression", "Dermatology", "Development", "Diabetes",
        "Diagnosis", "Diagnostic", "Diagnostics", "Diet", "Dietary", "Diffuse", "Disease", "Diseases", "Disorder", "Disorders", "Division", "Do",
        "Doc", "Doctor", "Doctors", "Does", "Dose", "Doses", "Download", "Drink", "Drug", "Drugs", "Duct", "Duplication", "Dutch", "Dysfunction",
        "Dysplasia", "Each", "Ear", "Early", "East", "Easter", "Eastern", "Economic", "Education", "Educational", "Email", "Emergency",
        "Encyclopedia", "English", "Environmental", "Enzyme", "Enzymes", "Europe", "European", "Evaluation", "Evening", "Exam", "Exams", "Exercise",
        "Eye", "Eyes", "Facial", "Fact", "Facts", "Failure", "Fall", "Familial", "Family", "February", "Federal", "Feet", "Fetal", "Fever", "Figure",
        "Find", "Finnish", "Focal", "Food", "Foot", "Force", "Form", "Forms", "Foundation", "French", "Frequency", "Frequently", "Friday", "Fungal",
        "Gene", "General", "Generalized", "Genes", "Genetic", "Genetics", "German", "Global", "Grade", "Grades", "Great", "Greek", "Group", "Groups",
        "Guide", "Guideline", "Guidelines", "Gynecology", "Hampshire", "Hand", "Hands", "Head", "Health", "Healthy", "Heart", "Hepatic", "Here",
        "Hereditary", "Hip", "Hispanic", "Home", "Hospice", "Hospital", "Hospitals", "Hour", "Hours", "How", "However", "Human", "Hypoplasia", "If",
        "Imaging", "Incomplete", "Index", "Indian", "Infant", "Infantile", "Infants", "Infection", "Infections", "Information", "Inheritance",
        "Institute", "Institutes", "Insufficiency", "Intensive", "International", "Intravenous", "Inversion", "Iranian", "Irish", "Is", "Islander",
        "Isolated", "Italian", "January", "Japanese", "Jersey", "Jewish", "Joint", "Joints", "Journal", "July", "June", "Juvenile", "Kidney",
        "Kingdom", "Knee", "Korean", "Laboratory", "Lake", "Late", "Latina", "Latino", "Learn", "Leg", "Legs", "Leukemia", "Level", "Levels",
        "Library", "Life", "Liver", "Living", "Loansome", "Localized", "Lumbar", "Lung", "Lungs", "Lymphoma", "Magnetic", "Malformation",
        "Malformations", "Management", "Many", "March", "Maternal", "May", "Medical", "Medicine", "Medline", "MedlinePlus", "Medscape", "Men",
        "Mental", "Mexican", "Microdeletion", "Might", "Mild", "Minute", "Minutes", "Moderate", "Monday", "Monosomy", "Month", "Monthly", "More",
        "Morning", "Most", "Mount", "Multiple", "Muscle", "Muscles", "Muslim", "Must", "Mutation", "Mutations", "Nasal", "National", "Native",
        "Neck", "Neonatal", "Nephrology", "Nerve", "Nerves", "Network", "Neurology", "New", "Newborn", "Newborns", "Night", "Nodular", "Normal",
        "North", "Northern", "Norwegian", "November", "Nursing", "Nutrition", "Obstetrics", "October", "Ocular", "Office", "Oncology", "Online",
        "Onset", "Operative", "Options", "Oral", "Organization", "Organizations", "Orthopedic", "Orthopedics", "Other", "Outlook", "Overactive",
        "Overview", "Pacific", "Paediatric", "Page", "Panel", "Parasitic", "Part", "Partial", "Parts", "Party", "Pathology", "Patient", "Patients",
        "Pediatric", "Pediatrics", "Pelvic", "People", "Pharmacy", "Phase", "Phases", "Physical", "Plus", "Polish", "Portal", "Postnatal",
        "Practice", "Prenatal", "Prevention", "Primary", "Print", "Prognosis", "Program", "Programme", "Project", "Protein", "Proteins",
        "Protestant", "Psychiatry", "PubMed", "Public", "Pulmonary", "Quality", "Questionnaire", "Questions", "Radiology", "Ray", "Read", "Receptor",
        "Receptors", "Recommendations", "Reference", "Register", "Registry", "Organisations", "Solutions", "Investigators", "Rehabilitation", "Relieve", "Renal", "Report", "Reports", "Research", "Resonance",
        "Resource", "Resources", "Respiratory", "Review", "Reviews", "Rheumatic", "Risk", "River", "Russian", "Sacral", "Saint", "Saturday", "Scale",
        "School", "Score", "Scottish", "Screening", "Second", "Secondary", "Seconds", "Section", "See", "September", "Sequenced", "Service",
        "Services", "Several", "Severe", "Severity", "Share", "Sheet", "Sheets", "Should", "Shoulder", "Sign", "Signs", "Single", "Site", "Skin",
        "Social", "Society", "Some", "South", "Southern", "Spanish", "Special", "Spinal", "Spine", "Spring", "Stage", "Stages", "State", "Statement",
        "States", "Step", "Steps", "Studies", "Study", "Such", "Summer", "Sunday", "Support", "Surgeon", "Surgery", "Surgical", "Survey", "Swedish",
        "Symptom", "Symptoms", "Syndrome", "Syndromes", "Systemic", "Table", "Task", "Tear", "Test", "Testing", "Tests", "Tetrasomy", "Therapeutic",
        "Therapies", "Therapy", "These", "Thoracic", "Those", "Thursday", "Tips", "Tissue", "Tissues", "Today", "Tomography", "Tomorrow", "Topical",
        "Total", "Translocation", "Treat", "Treating", "Treatment", "Treatments", "Trial", "Trials", "Trisomy", "Troponin", "Tuesday", "Tumor",
        "Tumors", "Tumour", "Tumours", "Turkish", "Type", "Types", "Typical", "Unilateral", "Unit", "United", "Units", "University", "Urinary",
        "Urology", "Us", "Variant", "Variants", "Vascular", "Venous", "Viral", "Virginia", "Virus", "Viruses", "Visit", "Vitamin", "Ward", "Ways",
        "Web", "Website", "Wednesday", "Week", "Weekly", "Welsh", "West", "Western", "What", "When", "Where", "Which", "While", "White", "Who",
        "Why", "Winter", "Women", "Working", "World", "Would", "Year", "Yesterday", "Young",
    };

    /// <summary>Countries, states, provinces and larger regions: Safe Harbor removes only places smaller than a state.</summary>
    private static readonly HashSet<string> Regions = new(StringComparer.Ordinal)
    {
        "Afghanistan", "Africa", "Alabama", "Alaska", "Albania", "Alberta", "Algeria", "America", "Americas", "Andalusia", "Antarctica", "Arctic",
        "Arabia", "Argentina", "Buenos", "Aires", "Arizona", "Arkansas", "Armenia", "Asia", "Australia", "Austria", "Azerbaijan", "Balkans", "Bangladesh", "Bavaria", "Belarus",
        "Belgium", "Bolivia", "Bosnia", "Brazil", "Britain", "Brunswick", "Bulgaria", "California", "Cambodia", "Cameroon", "Canada", "Caribbean",
        "Carolina", "Catalonia", "Central", "Chile", "China", "Colombia", "Colorado", "Columbia", "Congo", "Connecticut", "Corsica", "Crete",
        "Croatia", "Cuba", "Cyprus", "Czechia", "Dakota", "Delaware", "Denmark", "East", "Ecuador", "Egypt", "England", "Estonia", "Ethiopia",
        "Europe", "Finland", "Flanders", "Florida", "France", "Georgia", "Germany", "Ghana", "Greece", "Guatemala", "Haiti", "Hampshire", "Hawaii",
        "Holland", "Honduras", "Hungary", "Iceland", "Idaho", "Illinois", "India", "Indiana", "Indonesia", "Iowa", "Iran", "Iraq", "Ireland",
        "Israel", "Italy", "Jamaica", "Japan", "Jersey", "Jordan", "Kansas", "Kazakhstan", "Kentucky", "Kenya", "Korea", "Kuwait", "Laos", "Latin",
        "Latvia", "Lebanon", "Libya", "Lithuania", "Louisiana", "Luxembourg", "Madagascar", "Maine", "Malawi", "Malaysia", "Mali", "Malta",
        "Manitoba", "Maryland", "Massachusetts", "Mediterranean", "Mexico", "Michigan", "Middle", "Minnesota", "Mississippi", "Missouri", "Moldova",
        "Mongolia", "Montana", "Morocco", "Mozambique", "Myanmar", "Nebraska", "Nepal", "Netherlands", "Nevada", "Newfoundland", "Nicaragua",
        "Niger", "Nigeria", "North", "Norway", "Nova", "Nunavut", "Oceania", "Ohio", "Oklahoma", "Oman", "Ontario", "Oregon", "Pakistan", "Panama",
        "Paraguay", "Patagonia", "Pennsylvania", "Peru", "Philippines", "Poland", "Portugal", "Puerto", "Qatar", "Quebec", "Queensland", "Rhode",
        "Rico", "Romania", "Russia", "Rwanda", "Sardinia", "Saskatchewan", "Saudi", "Scandinavia", "Scotia", "Scotland", "Senegal", "Serbia",
        "Siberia", "Sicily", "Singapore", "Slovakia", "Slovenia", "Somalia", "South", "Spain", "Sudan", "Sweden", "Switzerland", "Syria", "Taiwan",
        "Tanzania", "Tasmania", "Tennessee", "Texas", "Thailand", "Tunisia", "Turkey", "Uganda", "Ukraine", "United", "Uruguay", "Utah",
        "Uzbekistan", "Venezuela", "Vermont", "Victoria", "Vietnam", "Virginia", "Wales", "Wallonia", "Washington", "Wisconsin", "Wyoming", "Yemen",
        "York", "Yukon", "Zambia", "Zimbabwe",
    };

    private static readonly HashSet<string> GivenNames = new(StringComparer.Ordinal)
    {
        "Aaron", "Abigail", "Adam", "Adrian", "Ahmed", "Aisha", "Alan", "Albert", "Alejandro", "Alex", "Alexander", "Alexandra", "Ali", "Alice", "Alicia",
        "Alison", "Amanda", "Amara", "Amelia", "Amir", "Amy", "Ana", "Andrea", "Andrew", "Angela", "Anita", "Ann", "Anna", "Anne", "Anthony", "Antonio",
        "Arjun", "Arthur", "Ashley", "Barbara", "Beatriz", "Ben", "Benjamin", "Beth", "Betty", "Brandon", "Brenda", "Brian", "Bruce", "Carl", "Carla",
        "Carlos", "Carmen", "Carol", "Caroline", "Catherine", "Charles", "Charlotte", "Chen", "Cheryl", "Chloe", "Chris", "Christina", "Christine",
        "Christopher", "Claire", "Clara", "Daniel", "Daniela", "David", "Deborah", "Denise", "Dennis", "Diana", "Diane", "Diego", "Dmitri", "Donald",
        "Donna", "Dorothy", "Douglas", "Edward", "Elena", "Elijah", "Elizabeth", "Ellen", "Emily", "Emma", "Eric", "Erik", "Ethan", "Eva", "Evelyn",
        "Fatima", "Fernando", "Frances", "Francisco", "Frank", "Gabriel", "Gary", "George", "Gerald", "Gloria", "Gregory", "Hannah", "Harold",
        "Harry", "Hassan", "Heather", "Helen", "Henry", "Hiroshi", "Hugo", "Ian", "Ibrahim", "Ingrid", "Irene", "Isaac", "Isabel", "Isabella", "Ivan",
        "Jack", "Jacob", "James", "Jamal", "Jan", "Jane", "Janet", "Jason", "Javier", "Jean", "Jeffrey", "Jennifer", "Jeremy", "Jessica", "Joan",
        "Joanna", "John", "Jonathan", "Jorge", "Jose", "Joseph", "Joshua", "Joyce", "Juan", "Judith", "Julia", "Julie", "Justin", "Karen", "Katherine",
        "Kathleen", "Kenji", "Kenneth", "Kevin", "Kim", "Kimberly", "Laura", "Lauren", "Lawrence", "Layla", "Leah", "Leila", "Linda", "Lisa", "Liam",
        "Lucas", "Lucia", "Luis", "Lukas", "Margaret", "Maria", "Marie", "Marilyn", "Mario", "Marta", "Martha", "Martin", "Mary", "Mateo", "Matthew",
        "Megan", "Mei", "Melissa", "Michael", "Michelle", "Miguel", "Mohamed", "Mohammed", "Nancy", "Naomi", "Natalie", "Nathan", "Nicholas", "Nicole",
        "Nina", "Noah", "Nora", "Olga", "Olivia", "Omar", "Oscar", "Pablo", "Pamela", "Patricia", "Patrick", "Paul", "Paula", "Pedro", "Peter",
        "Philip", "Priya", "Rachel", "Rafael", "Rahul", "Ralph", "Raj", "Ravi", "Raymond", "Rebecca", "Richard", "Robert", "Roberto", "Roger", "Ronald",
        "Rosa", "Ruth", "Ryan", "Samantha", "Samuel", "Sandra", "Sara", "Sarah", "Scott", "Sean", "Sergei", "Sharon", "Shirley", "Simon", "Sofia",
        "Sophia", "Sophie", "Stephanie", "Stephen", "Steven", "Susan", "Tamara", "Teresa", "Thomas", "Timothy", "Tomas", "Tyler", "Valentina",
        "Vanessa", "Victor", "Victoria", "Vincent", "Virginia", "Walter", "Wei", "William", "Xavier", "Yara", "Yasmin", "Yusuf", "Zachary", "Zoe",
    };
}
