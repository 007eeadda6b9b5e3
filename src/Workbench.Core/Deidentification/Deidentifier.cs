using System.Text;
using System.Text.RegularExpressions;

namespace Workbench.Core.Deidentification;

/// <summary>
/// Finds and replaces HIPAA Safe Harbor identifiers in free text with typed placeholders such as
/// <c>[NAME]</c> or <c>[DATE]</c>. Rules favour recall (a missed identifier reaches the index) while
/// leaving clinical content alone: doses, lab values, blood pressures, bare years, durations, trial
/// names and ages up to 89 are not identifiers. Names are found by titles, relations and labels, by a
/// list of given names, and then every later mention of a found name is replaced too.
/// </summary>
public static partial class Deidentifier
{
    public static string Placeholder(IdentifierKind kind) => kind switch
    {
        IdentifierKind.HealthPlan => "[HEALTH-PLAN]",
        IdentifierKind.Age => "[AGE>89]",
        _ => $"[{kind.ToString().ToUpperInvariant()}]",
    };

    public static DeidentifiedText Redact(string text) => Redact(text, AllowList.Empty);

    /// <summary>As <see cref="Redact(string)"/>, leaving alone whatever lies inside a term of <paramref name="allowed"/>.</summary>
    public static DeidentifiedText Redact(string text, AllowList allowed)
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
        foreach (Match m in Url().Matches(text)) Add(IdentifierKind.Url, m.Groups[1]);
        foreach (Match m in IpAddress().Matches(text)) Add(IdentifierKind.Ip, m.Groups[0]);
        foreach (Match m in Ssn().Matches(text)) Add(IdentifierKind.Ssn, m.Groups[0]);
        foreach (Match m in Phone().Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 16)..m.Index];
            Add(before.Contains("fax", StringComparison.OrdinalIgnoreCase) ? IdentifierKind.Fax : IdentifierKind.Phone, m.Groups[0]);
        }

        foreach (Match m in LabelledNumber().Matches(text)) Add(LabelKind(m.Groups["label"].Value), m.Groups["value"]);
        foreach (Match m in StreetAddress().Matches(text))
        {
            Add(IdentifierKind.Address, m.Groups[0]);
            Add(IdentifierKind.Zip, ZipAfterAddress().Match(text, m.Index + m.Length).Groups["zip"]);
        }

        foreach (Match m in UnlabelledCode().Matches(text))
        {
            var before = text[Math.Max(0, m.Index - 40)..m.Index];
            Add(CodeKind(before), m.Groups[0]);
        }

        foreach (Match m in Zip().Matches(text)) Add(IdentifierKind.Zip, m.Groups["zip"]);
        foreach (Match m in OldAge().Matches(text)) Add(IdentifierKind.Age, m.Groups["age"]);
        foreach (var regex in new[] { NumericDate(), DayMonthAbbreviatedDate(), IsoDate(), MonthDayDate(), DayMonthDate(), MonthYearDate(), ContextualShortDate() })
        {
            foreach (Match m in regex.Matches(text)) Add(IdentifierKind.Date, m.Groups["date"].Success ? m.Groups["date"] : m.Groups[0]);
        }

        AddNames(text, found);
        var kept = allowed.Occurrences(text).ToList();
        var redactions = Resolve(found.Where(r => !kept.Any(k => k.Start <= r.Start && r.End <= k.End)).ToList());
        return new DeidentifiedText(Apply(text, redactions), redactions);
    }

    private static void AddNames(string text, List<Redaction> found)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void AddName(string name)
        {
            if (!NameStopWords.Contains(name.Split(' ')[0]))
            {
                names.Add(name);
            }
        }

        foreach (Match m in TitledName().Matches(text)) AddName(m.Groups["name"].Value);
        foreach (Match m in ContextName().Matches(text)) AddName(m.Groups["name"].Value);
        foreach (Match m in CapitalisedPair().Matches(text))
        {
            if (GivenNames.Contains(m.Groups["first"].Value))
            {
                AddName(m.Groups[0].Value);
            }
        }

        foreach (Match m in StructuredName().Matches(text)) AddName(m.Groups["name"].Value);
        foreach (Match m in SurnameFirst().Matches(text))
        {
            AddName(m.Groups["last"].Value);
            AddName(m.Groups["first"].Value);
        }

        // Every part of a found name is an identifier wherever it appears again ("Mr. Alvarez", "Tomas").
        var parts = names.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 1 && !NameStopWords.Contains(p))
            .Concat(names)
            .Distinct()
            .OrderByDescending(p => p.Length);
        foreach (var part in parts)
        {
            foreach (Match m in Regex.Matches(text, $@"\b{Regex.Escape(part)}\b"))
            {
                found.Add(new Redaction(IdentifierKind.Name, m.Index, m.Length));
            }
        }
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

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex Email();

    [GeneratedRegex(@"((?:https?://|www\.|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/)[^\s<>""']*?)(?=[.,;:)\]]?(?:\s|$))", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")]
    private static partial Regex IpAddress();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}\b")]
    private static partial Regex Phone();

    [GeneratedRegex(@"\b(?<label>MRN|MR\s?#|medical record(?: number| no\.?)?|record (?:number|no\.?)|chart (?:number|no\.?)|account(?: number| no\.?)?|acct\.?(?: no\.?)?|billing (?:number|no\.?|account)|invoice (?:number|no\.?)|(?:driver'?s )?licen[cs]e(?: number| no\.?)?|DL(?=\s*[:#])|DEA(?: number| no\.?)?|NPI|serial(?: numbers?| no\.?)?|S/?N|device (?:ID|identifier|serial)|UDI|lot(?: number| no\.?)?|(?:member|beneficiary|policy|subscriber)(?: (?:ID|identifier|number|no\.?))?|(?:insurance|health plan|plan|group|Medicare|Medicaid)(?: beneficiary)? (?:ID|identifier|number|no\.?))\s*(?:is|was|of)?\s*[:#]?\s*(?<value>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{3,}[A-Z0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledNumber();

    /// <summary>
    /// Codes such as PX-448291-B, 8JJ7-TW0-MN22, X8754334272 or 00483921: five or more digits in a token
    /// of capitals, digits and hyphens with at least one letter, or seven digits in a row. Ranges such as
    /// 130-139, year spans and trial registrations (NCT, ISRCTN) are not identifiers.
    /// </summary>
    [GeneratedRegex(@"\b(?!NCT|ISRCTN|PMID)(?!(?:19|20)\d{2}[-/]\d{2}\b)(?!\d{5}-\d{4}\b)(?:(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){5})[A-Z0-9]+(?:-[A-Z0-9]+)*|\d{7,})\b(?![.,]\d)")]
    private static partial Regex UnlabelledCode();

    [GeneratedRegex(@"(?:record|chart|MRN|account|billing|licen[cs]e|serial|device|recorder|pacemaker|aid|implant|member|beneficiary|Medicare|Medicaid|insurance|plan)[^.;]*$", RegexOptions.IgnoreCase)]
    private static partial Regex CodeContext();

    [GeneratedRegex(@"\G(?:,\s*[A-Z][a-z]+(?:\s[A-Z][a-z]+)*)?(?:,?\s*[A-Z]{2})?,?\s*(?<zip>\d{5}(?:-\d{4})?)\b")]
    private static partial Regex ZipAfterAddress();

    [GeneratedRegex(@"\b\d{1,5}\s+(?:[NSEW]\.?\s+)?(?:[A-Z][a-z]+\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq)\b\.?(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|#)\.?\s*[A-Za-z0-9-]+)?")]
    private static partial Regex StreetAddress();

    [GeneratedRegex(@"(?:\b[A-Z]{2}|\bZIP(?: code)?:?|\bzip(?: code)?:?)\s+(?<zip>\d{5}(?:-\d{4})?)\b|(?<zip>\b\d{5}-\d{4}\b)")]
    private static partial Regex Zip();

    [GeneratedRegex(@"\b(?<age>9\d|1[0-2]\d)(?=[- ](?:years?|yrs?|y/?o)\b|-year|\s*(?:yo|y\.o\.)\b)|\b(?:aged?|age of|age at death|turned|is now|now)\s+(?<age>9\d|1[0-2]\d)\b|(?<=\b[A-Z][a-z'-]+),\s(?<age>9\d|1[0-2]\d)(?=,)", RegexOptions.IgnoreCase)]
    private static partial Regex OldAge();

    /// <summary>Month-first or day-first, with a two- or four-digit year: 03/14/2023, 27.02.1992, 3-14-23.</summary>
    [GeneratedRegex(@"\b(?<date>\d{1,2}([/.-])\d{1,2}\1(?:19|20)?\d{2})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b(?<date>\d{1,2}[-/ ]" + Month + @"[-/ ](?:19|20)?\d{2})\b")]
    private static partial Regex DayMonthAbbreviatedDate();

    [GeneratedRegex(@"\b(?<date>(?:19|20)\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01]))\b")]
    private static partial Regex IsoDate();

    private const string Month = @"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    [GeneratedRegex(@"\b" + Month + @"\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{2}\b)?")]
    private static partial Regex MonthDayDate();

    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"\.?(?:,?\s+(?:19|20)\d{2}\b)?")]
    private static partial Regex DayMonthDate();

    [GeneratedRegex(@"\b" + Month + @"\.?,?\s+(?:of\s+)?(?:19|20)\d{2}\b")]
    private static partial Regex MonthYearDate();

    [GeneratedRegex(@"\b(?:on|since|from|until|till|dated|by|through|last seen|seen|admitted|discharged|born|DOB:?|due|next \w+|return|follow-up|appointment)\s+(?<date>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ContextualShortDate();

    private const string NameWord = @"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";

    [GeneratedRegex(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Nurse|nurse|Sister|Chaplain|chaplain)\.?\s+(?<name>" + NameWord + @"(?:\s+" + NameWord + @")?)")]
    private static partial Regex TitledName();

    [GeneratedRegex(@"(?<name>[A-Z][a-z]+)(?=,\s\d{1,3}-(?:year|month|week|day)-old)|\b(?:[Pp]atient|[Pp]t\.?|[Nn]ame|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|[Mm]other|[Ff]ather|[Bb]rother|[Ss]ister|[Ss]pouse|[Gg]randmother|[Gg]randfather|[Aa]unt|[Uu]ncle|[Cc]ousin|[Nn]iece|[Nn]ephew|[Pp]artner|[Gg]uardian|[Cc]aregiver|[Ss]igned(?: by)?|[Ss]een by|[Rr]eferred by|[Cc]ontact|[Nn]eighbo(?:u)?r|[Ff]riend|[Cc]c|Attn|RN|MD|NP|PA)\s*[:,]?\s+(?<name>" + NameWord + @"(?:\s+" + NameWord + @")?)(?=[,.;:)]|\s(?![A-Z(])|$)")]
    private static partial Regex ContextName();

    [GeneratedRegex(@"\b(?<first>[A-Z][a-z]+)\s+(?<last>" + NameWord + @")\b")]
    private static partial Regex CapitalisedPair();

    private const string FullName = @"[A-Z][a-z]+(?:\s[A-Z]\.)?(?:\s(?:[Vv]an|[Dd]e|[Dd]er|[Vv]on|[Dd]a|[Dd]el|[Ll]a|[Ll]e|[Bb]in|[Aa]l))*\s(?:O'|Mc|Mac)?" + NameWord;

    /// <summary>
    /// Two capitalised words (a middle initial and particles allowed) that a name's surroundings give
    /// away: a credential after it, a possessive, an age or record right after it, or a role before it.
    /// </summary>
    [GeneratedRegex(@"(?<name>[A-Z][a-z]+\s[A-Z]\.\s(?:O'|Mc|Mac)?" + NameWord + @")"
        + @"|(?<name>" + FullName + @")(?=,?\s(?:RN|MD|NP|PA(?:-C)?|DO|PhD|PharmD|RPh|LPN|CNM|DDS|MSW|LCSW)\b|'s\b|,\s(?:DOB|age|MRN|SSN|member|a\s|an\s|\d{1,3}-(?:year|month)|\[|\d{1,5}\s[A-Z]|\d{2,3},|\S+@)|\sis\sa\s\d|\s\((?![A-Za-z]*[A-Z]{2}[A-Za-z0-9-]*\))|\s(?:consented|agreed|requests|reports|denies|presents|to\sstart|to\sreturn|will\scover|reviewed|shows))"
        // After a bare preposition a capitalised pair is often a title ("Opioids for Pain Management"): only a pair that ends the clause counts.
        + @"|(?<=\b(?:[Ff]or|[Ww]ith|[Bb]y|[Tt]o|[Ff]rom)\s)(?<name>" + FullName + @")(?=[,;]|\.(?:\s|$)|\s\((?![A-Za-z]*[A-Z]{2}[A-Za-z0-9-]*\))|\s(?:from|regarding|about|today|tomorrow)\b|$)"
        + @"|(?<=(?:^|\n)(?:From|To|Attn|Cc|CC|Re):[ \t]*)(?<name>" + FullName + @")"
        + @"|(?<=(?:^|\n))(?<name>" + FullName + @")(?=:\s)"
        + @"|(?<=\()(?<name>" + FullName + @")(?=\))"
        + @"|(?<=\b(?:[Uu]ser|[Ss]ubscriber|[Ee]mployee|[Nn]ephrologist|[Cc]ardiologist|[Pp]hysician|[Cc]linician|[Cc]ross-cover:|[Pp]articipant|[Pp]roband|[Gg]uarantor|[Cc]ounselor|[Ss]urgeon:?|[Aa]ssistant:?|[Dd]ear|[Hh]i|[Hh]ello|[Aa]ttending:?|[Pp]rovider:?|PCP:?|[Rr]esident:?|[Ww]itnessed by|[Rr]equested by|[Dd]ictated by|[Rr]eported to|[Cc]ontact:?)\s)(?<name>" + FullName + @")(?=[\s,.;:)]|$)")]
    private static partial Regex StructuredName();

    /// <summary>"Gallagher, Ravi |" or "Gallagher, Ravi (MRN": surname-first headers.</summary>
    [GeneratedRegex(@"(?<last>" + NameWord + @"),\s(?<first>[A-Z][a-z]+)(?=\s*(?:\||\(|MRN|DOB|$))", RegexOptions.Multiline)]
    private static partial Regex SurnameFirst();

    /// <summary>Capitalised words that follow "patient", "name" etc. without being names.</summary>
    private static readonly HashSet<string> NameStopWords = new(StringComparer.Ordinal)
    {
        "The", "This", "That", "He", "She", "They", "His", "Her", "Is", "Was", "Has", "Had", "Will", "Should", "Who", "With",
        "And", "Or", "In", "On", "At", "To", "For", "Of", "By", "From", "After", "Before", "Reports", "Reported", "Denies",
        "Presents", "Presented", "Education", "Information", "Portal", "Safety", "Care", "History", "Advised", "Started",
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Nurse", "Sister",
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
