using System.Text.RegularExpressions;

namespace Workbench.Core.Deidentification;

/// <summary>
/// The names of <see cref="Deidentifier"/>: a name is found by a strong cue (a title, a relation, a label, a given name)
/// or a weak one (a role, a verb said of patients, a capitalised pair in a name's surroundings), and then every later
/// mention of its parts is an identifier too, except inside public spans (eponyms, organisations).
/// </summary>
internal static partial class NameFinder
{
    private const int TimeoutMilliseconds = Deidentifier.TimeoutMilliseconds;

    /// <summary>Names found by titles, relations, roles, labels, given names and surroundings, and every later mention of them.</summary>
    internal static void AddNames(string text, List<Redaction> found, Spans publicSpans, bool titleCase)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void AddName(Group name, bool strong)
        {
            var value = name.Value;
            if (!CapitalisedWords.NameStopWords.Contains(value.Split(' ')[0])
                && (strong || (!publicSpans.Overlaps(name.Index, name.Index + name.Length) && value.Split(' ', '-').All(IsPlausibleNameWord))))
            {
                names.Add(value);
            }
        }

        foreach (Match m in TitledName().Matches(text)) AddName(m.Groups["name"], strong: true);
        foreach (Match m in ContextName().Matches(text)) AddName(m.Groups["name"], strong: false);
        foreach (Match m in CapitalisedPair().Matches(text))
        {
            if (CapitalisedWords.GivenNames.Contains(m.Groups["first"].Value))
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
            .Where(p => p.Length > 1 && !CapitalisedWords.NameStopWords.Contains(p))
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
        word.Length == 0 || (!CapitalisedWords.Common.Contains(TrimPossessive(word)) && !CapitalisedWords.Regions.Contains(word) && !(word.Length > 5 && MedicalEnding().IsMatch(word)));

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

    /// <summary>"Gallagher, Ravi |" or "Gallagher, Ravi (MRN": surname-first headers.</summary>
    [GeneratedRegex(@"(?<last>" + NameWord + @"),\s(?<first>\p{Lu}\p{Ll}+)(?=\s*(?:\||\(|MRN|DOB|$))", RegexOptions.Multiline, TimeoutMilliseconds)]
    private static partial Regex SurnameFirst();

    /// <summary>
    /// Words in a script other than Latin (Han, Hangul, kana, Cyrillic, Arabic, Hebrew, Indic, Thai, Greek of three
    /// letters or more) in a note written in English are names: the rules have no other cue for them.
    /// </summary>
    [GeneratedRegex(@"(?:[\p{IsCyrillic}\p{IsArabic}\p{IsHebrew}\p{IsDevanagari}\p{IsBengali}\p{IsTamil}\p{IsThai}\p{IsHangulSyllables}\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsArmenian}\p{IsGeorgian}]+|\p{IsGreek}{3,})"
        + @"(?:[ \t](?:[\p{IsCyrillic}\p{IsArabic}\p{IsHebrew}\p{IsDevanagari}\p{IsBengali}\p{IsTamil}\p{IsThai}\p{IsHangulSyllables}\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}\p{IsArmenian}\p{IsGeorgian}]+|\p{IsGreek}{3,}))*",
        RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    internal static partial Regex OtherScriptName();

    [GeneratedRegex(@"[\p{L}\p{M}\p{Nd}]+(?:['’-][\p{L}\p{M}\p{Nd}]+)*", RegexOptions.NonBacktracking, TimeoutMilliseconds)]
    internal static partial Regex Word();

    [GeneratedRegex(@"(?:itis|osis|oses|emia|aemia|(?:carcin|sarc|lymph|terat|melan|aden|my|fibr|lip|gli|blast|neur|angi|mening|chondr|oste|papill|thym|insulin)omas?|pathy|plasia|trophy|ectomy|otomy|ostomy|plasty|scopy|graphy|ology|ologist|iasis|uria|algia|penia|megaly|philia|phobia|genic|ysis|ment|ness|tion|sion)$",
        RegexOptions.NonBacktracking | RegexOptions.IgnoreCase, TimeoutMilliseconds)]
    private static partial Regex MedicalEnding();
}
