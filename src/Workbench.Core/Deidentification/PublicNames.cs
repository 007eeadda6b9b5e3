using System.Reflection;
using System.Text.RegularExpressions;

namespace Workbench.Core.Deidentification;

/// <summary>
/// Spans of a text that name something public rather than a person one could identify: an eponym in its
/// medical use ("Parkinson's disease", "Down syndrome", "Apgar score", "tetralogy of Fallot") or an
/// organisation ("Seattle Children's Hospital", "Michael J. Fox Foundation"). A name rule's find inside
/// such a span is dropped; the eponyms come from <c>eponyms.tsv</c>, a list kept as data with its sources.
/// </summary>
public static partial class PublicNames
{
    /// <summary>Every eponym of the list, in the order of the file.</summary>
    public static readonly IReadOnlyList<string> Eponyms = LoadEponyms();

    // Nouns a medical eponym comes before: "Cushing syndrome", "Homans sign", "Apgar score", "Kaposi sarcoma".
    private const string Nouns = "disease|diseases|syndrome|syndromes|sign|signs|test|tests|testing|phenomenon|palsy|sarcoma|lymphoma|lymphomas|tumou?r|tumou?rs|disorder|anomaly|malformation|"
        + "ataxia|dystrophy|dystrophies|myopathy|neuropathy|neuralgia|encephalopathy|thyroiditis|arteritis|chorea|angina|anemia|anaemia|macroglobulinemia|"
        + "macroglobulinaemia|granulomatosis|purpura|progeria|thrombasthenia|contracture|esophagus|oesophagus|ulcer|cyst|cysts|fracture|lesion|lesions|node|nodes|nodules|"
        + "spots|lines|rings|ring|bodies|body|cell|cells|crystals|spirals|rods|stain|smear|blot|reaction|effect|law|principle|mechanism|equation|formula|index|"
        + "score|scores|scale|scales|criteria|classification|staging|stage|stages|class|grade|level|thickness|rules|inventory|status|"
        + "procedure|operation|repair|surgery|shunt|fundoplication|gastrectomy|myotomy|maneuver|manoeuvre|technique|catheter|line|tube|wire|pin|rod|apparatus|monitor|"
        + "bag|chart|ultrasound|pupil|reflex|murmur|pulse|respiration|breathing|triad|hump|waves|block|attack|paralysis|edema|oedema|tear|gangrene|diverticulum|"
        + "papules|type|variant|dementia|virus|sequence|complex|protein|disease-like|research|foundation";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    // Each eponym under its first word, longest first: "Wolff-Parkinson-White" is tried before "Wolff".
    private static readonly Dictionary<string, List<string>> ByFirstWord = Eponyms
        .GroupBy(e => FirstWord().Match(e).Value, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Length).ToList(), StringComparer.Ordinal);

    // A listed noun, or up to two lower-case words ending in a disease's suffix ("Marie Unna congenital hypotrichosis").
    private static readonly Regex NounAfter = new(
        @"^(?:['’]s?)?\s*[-–]?\s*(?:\(\w+\)\s+)?(?:(?:" + CaseVariants(Nouns) + @")\b|(?:[a-z]+\s+){0,2}[a-z]+(?:osis|itis|emia|aemia|pathy|plasia|trophy|ism|oma|algia|uria|ectasia)\b)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Connector = new(@"^(?:['’]s?)?(?:\s*[-–/]\s*|\s+and\s+|\s+)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex OfBefore = new(
        @"\b(?:tetralogy|circle|loop|islets?|organ|bundle|pouch|triangle|ampulla|sphincter|canal|duct|ligament)\s+of\s+$", RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);

    // One to four capitalised words, possibly possessive, before what only organisations are called.
    private static readonly Regex Organisation = new(
        @"(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*(?:['’]s)?\s+(?:Hospital|Hospitals|Foundation|Institute|Institutes|Center|Centre|Clinic|Clinics|University|College|"
        + @"Society|Association|Academy|Agency|Administration|Department|Council|Registry|Network|Alliance|Coalition|Consortium|Trust|Fund|Library|Laboratory|"
        + @"Laboratories|Reference|Organization|Organisation|Federation|League|Initiative|Research|Medical Center|Medical Centre|Health System|Encyclopedia)\b",
        RegexOptions.CultureInvariant, Timeout);

    // A person's relation or belonging right after "X's": then X is someone, not a disease.
    private static readonly HashSet<string> Belongings = new(StringComparer.OrdinalIgnoreCase)
    {
        "daughter", "son", "wife", "husband", "mother", "father", "brother", "sister", "child", "children", "parents", "family", "partner", "spouse", "widow",
        "granddaughter", "grandson", "niece", "nephew", "aunt", "uncle", "cousin", "friend", "house", "home", "car", "room", "office", "phone", "address", "employer",
        "chart", "record", "records", "insurance", "caregiver", "guardian", "neighbour", "neighbor", "funeral", "care", "own",
    };

    private static readonly Regex TitleBefore = new(@"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sister|Nurse)\.?\s*$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Timeout);

    /// <summary>The public spans of a text, as (start, end): eponyms in medical use and organisation names.</summary>
    public static List<(int Start, int End)> Spans(string text)
    {
        var spans = new List<(int, int)>();
        foreach (Match word in FirstWord().Matches(text))
        {
            if (ByFirstWord.ContainsKey(word.Value) && EponymEnd(text, word.Index) is var end and > 0 && IsMedicalUse(text, word.Index, ref end))
            {
                spans.Add((word.Index, end));
            }
        }

        foreach (Match m in Organisation.Matches(text))
        {
            spans.Add((m.Index, m.Index + m.Length));
        }

        return spans;
    }

    /// <summary>Where the longest eponym starting at <paramref name="start"/> ends, or -1.</summary>
    private static int EponymEnd(string text, int start)
    {
        var first = FirstWord().Match(text, start);
        if (!first.Success || first.Index != start || !ByFirstWord.TryGetValue(first.Value, out var eponyms))
        {
            return -1;
        }

        foreach (var eponym in eponyms)
        {
            var end = start + eponym.Length;
            if (end <= text.Length && string.CompareOrdinal(text, start, eponym, 0, eponym.Length) == 0 && (end == text.Length || !char.IsLetter(text[end])))
            {
                return end;
            }
        }

        return -1;
    }

    /// <summary>
    /// An eponym is in medical use before a medical noun, possibly after more eponyms ("Parkinson disease",
    /// "Wolff-Parkinson-White syndrome", "Jervell and Lange-Nielsen syndrome"), after "tetralogy of" and the like,
    /// or as a possessive that no title precedes and no relation or belonging follows ("has Alzheimer's").
    /// </summary>
    private static bool IsMedicalUse(string text, int start, ref int end)
    {
        var last = end;
        while (Connector.Match(Window(text, last)) is { Success: true } connector && EponymEnd(text, last + connector.Length) is var next and > 0)
        {
            last = next;
        }

        if (NounAfter.IsMatch(Window(text, last)) || OfBefore.IsMatch(text[Math.Max(0, start - 30)..start]))
        {
            end = last;
            return true;
        }

        if (end + 1 < text.Length && text[end] is '\'' or '’' && (text[end + 1] == 's' || !char.IsLetter(text[end + 1])))
        {
            var following = FirstWord().Match(text, end + 1);
            var nextWord = following.Success && following.Index <= end + 4 ? following.Value : string.Empty;
            return !Belongings.Contains(nextWord) && !TitleBefore.IsMatch(text[Math.Max(0, start - 8)..start]);
        }

        return false;
    }

    private static string Window(string text, int start) => text[start..Math.Min(text.Length, start + 60)];

    [GeneratedRegex(@"[\p{L}\p{M}]+", RegexOptions.NonBacktracking, 10_000)]
    private static partial Regex FirstWord();

    private static string CaseVariants(string alternation) =>
        string.Join('|', alternation.Split('|').SelectMany(n => new[] { n, char.ToUpperInvariant(n[0]) + n[1..] }));

    private static List<string> LoadEponyms()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workbench.Core.Deidentification.eponyms.tsv")
            ?? throw new InvalidOperationException("eponyms.tsv is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("eponym\t", StringComparison.Ordinal))
            .Select(l => l.Split('\t')[0].Trim())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
