using System.Text.RegularExpressions;
using Workbench.Core.Text;

namespace Workbench.Core.Answering;

/// <summary>Reads a question's type and splits a multi-part question into its parts.</summary>
public static class QuestionAnalysis
{
    private const RegexOptions Matching = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    // The first matching rule wins: "how is X diagnosed and treated" reads as diagnosis, its first part.
    private static readonly (QuestionType Type, Regex Question, string[] Cues)[] Rules =
    [
        (QuestionType.Dose, new(@"\b(dose|doses|dosage|dosing|how much)\b", Matching), ["dose", "dosage", "dosing", " mg"]),
        (QuestionType.Inheritance, new(@"\binherit", Matching), ["inherit"]),
        (QuestionType.Genetics, new(@"\bgenetic changes?\b|\bgenes?\b", Matching), ["genetic", "gene", "mutation"]),
        (QuestionType.Frequency, new(@"\bhow many\b|\bhow common\b|\bprevalen|\bfrequen", Matching), ["frequen", "prevalen", "common", "affects"]),
        (QuestionType.Causes, new(@"\bcaus|\bwhy\b|\brisk factors?\b", Matching), ["cause", "risk factor"]),
        (QuestionType.Symptoms, new(@"\bsymptom|\bsigns?\b", Matching), ["symptom", "sign"]),
        (QuestionType.Diagnosis, new(@"\bdiagnos|\btests?\b|\bexams?\b|\bscreen", Matching), ["diagnos", "test", "exam", "screen"]),
        (QuestionType.Treatment, new(@"\btreat|\btherap|\bmanag|\bcure\b|\bmedication", Matching), ["treat", "therap", "management", "medication"]),
        (QuestionType.Prevention, new(@"\bprevent", Matching), ["prevent"]),
        (QuestionType.Outlook, new(@"\boutlook\b|\bprognosis\b|\blife expectancy\b|\bsurviv", Matching), ["outlook", "prognosis", "expectancy", "surviv"]),
        (QuestionType.Definition, new(@"^\W*(what (is|are)\b|do you have (any )?information|information (about|on)\b|tell me about\b)", Matching), ["information", "overview", "definition", "what is", "what are"]),
        (QuestionType.Finding, new(@"^\W*(is|are|does|do|did|can|could|should|was|were|has|have|will|would)\b", Matching), ["result", "finding", "conclusion"]),
    ];

    // A new part starts at a question mark, a semicolon, or ", and" / " and" before a question word (the word starts the part).
    private static readonly Regex PartBoundary = new(
        @"\?+\s*|;\s*|,?\s+and\s+(?<word>(which|what|how|when|where|why|who|whether|with which|in which|for how long|is|are|does|do|can|should)\b)", Matching);

    public static QuestionType TypeOf(string question) =>
        Rules.FirstOrDefault(r => r.Question.IsMatch(question)).Type;

    /// <summary>Words whose presence in a heading, title or sentence shows it speaks to the type (lower case, matched as substrings).</summary>
    public static IReadOnlyList<string> Cues(QuestionType type) =>
        Rules.FirstOrDefault(r => r.Type == type).Cues ?? [];

    /// <summary>Whether <paramref name="text"/> holds one of the type's cues; always true for a question of no particular type.</summary>
    public static bool SpeaksTo(QuestionType type, string text) =>
        type == QuestionType.General || Cues(type).Any(c => text.Contains(c, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The question's parts, in order, each with at least one content word; a question with one part
    /// comes back whole.
    /// </summary>
    public static IReadOnlyList<string> Parts(string question)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (Match boundary in PartBoundary.Matches(question))
        {
            Add(question[start..boundary.Index]);
            var word = boundary.Groups["word"];
            start = word.Success ? word.Index : boundary.Index + boundary.Length;
        }

        Add(question[start..]);
        return parts.Count == 0 ? [question.Trim()] : parts;

        void Add(string part)
        {
            part = part.Trim().TrimEnd(',', '.', '?', ';').Trim();
            if (Terms.Extract(part).Count > 0)
            {
                parts.Add(part);
            }
        }
    }
}
