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
    internal const int TimeoutMilliseconds = 10_000;

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

        DateFinder.AddDates(text, found, insideUrls);
        var publicSpans = new Spans(PublicNames.Spans(text));
        NameFinder.AddNames(text, found, publicSpans, titleCase);
        foreach (Match m in Employer().Matches(text))
        {
            Add(IdentifierKind.Name, m.Groups["org"]);
            AddPlace(m.Groups["place"]);
        }

        foreach (Match m in Residence().Matches(text)) AddPlace(m.Groups["place"]);
        foreach (Match m in NameFinder.OtherScriptName().Matches(text)) Add(IdentifierKind.Name, m.Groups[0]);
        return found;

        void AddPlace(Group place)
        {
            if (place.Success && !CapitalisedWords.Regions.Contains(place.Value) && !CapitalisedWords.Regions.Contains(place.Value.Split(' ')[0]))
            {
                Add(IdentifierKind.Address, place);
            }
        }
    }

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

    private const string StateCode = "(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)";

    /// <summary>International numbers: "+44 7700 900123", "+33 1 42 68 53 00".</summary>
    [GeneratedRegex(@"(?<![\w+])\+\d{1,3}(?:[ .-]\d{1,6}){2,5}\b", RegexOptions.None, TimeoutMilliseconds)]
    private static partial Regex InternationalPhone();

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

    /// <summary>A link a public text offers its readers: "on their Web site at", "at the following link:".</summary>
    [GeneratedRegex(@"(?:web\s?sites?|web\s?pages?|web\s?links?|following\s+links?|link\s+below|links?:)[^.]{0,40}$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex PublicLinkBefore();

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

}
