using System.Text;

namespace Workbench.Core.Text;

/// <summary>
/// A question as people send it, reduced to what should be searched for: reply and forward prefixes,
/// greetings, thanks, pleas and signatures go; a subject line the message repeats goes. Sentences with
/// anything else in them stay whole, so drug names, doses, NDC and lot numbers are never touched.
/// </summary>
public static class ConsumerMessage
{
    private static readonly string[] Prefixes = ["re:", "fw:", "fwd:", "subject:"];

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase) { "hi", "hello", "hey", "dear", "greetings", "good morning", "good afternoon", "good evening" };

    /// <summary>Words that address someone after a greeting ("Hello dear Dr. Patel,"), beside capitalised names.</summary>
    private static readonly HashSet<string> Address = new(StringComparer.OrdinalIgnoreCase) { "dear", "dr", "doctor", "sir", "madam", "team", "there", "all", "everyone", "nurse", "name" };

    /// <summary>Abbreviations whose full stop does not end a sentence.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase) { "dr", "mr", "mrs", "ms", "st", "vs", "no", "approx", "e.g", "i.e" };

    /// <summary>Words that carry no question: courtesy, pleas, sign-offs, and the placeholder data sets put for a name.</summary>
    private static readonly HashSet<string> Courtesy = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thank", "thx", "regards", "best", "kind", "wishes", "sincerely", "cheers", "god", "bless", "please", "pls", "help",
        "really", "need", "reply", "answer", "somebody", "someone", "anyone", "urgent", "urgently", "asap", "advance", "much", "very",
        "me", "us", "name", "hope", "hear", "soon", "appreciate", "appreciated", "yours", "truly", "faithfully", "lot", "many",
    };

    private static readonly HashSet<string> SignOffs = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thank", "thx", "regards", "best", "kind", "sincerely", "cheers", "god", "yours", "many",
    };

    /// <summary>A closing is at most this many words, signature included.</summary>
    private const int MaxClosingWords = 8;

    /// <summary>A first sentence this short may be a subject line.</summary>
    private const int MaxSubjectWords = 6;

    public static string Clean(string message)
    {
        var sentences = Sentences(WithoutPrefixes(message)).Select(WithoutGreeting).Where(s => s.Length > 0).ToList();
        var kept = new List<string>();
        for (var i = 0; i < sentences.Count; i++)
        {
            var words = Words(sentences[i]);
            if (words.Count > 0 && SignOffs.Contains(words[0]) && sentences.Skip(i).Sum(s => Words(s).Count) <= MaxClosingWords)
            {
                // A sign-off and the signature after it.
                break;
            }

            if (words.All(w => Courtesy.Contains(w) || Terms.IsStopWord(w.ToLowerInvariant())))
            {
                continue;
            }

            kept.Add(sentences[i]);
        }

        if (kept.Count > 1 && RepeatedSubject(kept[0], kept.Skip(1)))
        {
            kept.RemoveAt(0);
        }

        var cleaned = string.Join(' ', kept);
        return cleaned.Length > 0 ? cleaned : message.Trim();
    }

    private static string WithoutPrefixes(string message)
    {
        var text = message.TrimStart();
        while (Prefixes.FirstOrDefault(p => text.StartsWith(p, StringComparison.OrdinalIgnoreCase)) is { } prefix)
        {
            text = text[prefix.Length..].TrimStart();
        }

        return text;
    }

    /// <summary>A sentence without its opening greeting and the words of address after it ("Hello dear Dr. Patel,").</summary>
    private static string WithoutGreeting(string sentence)
    {
        var words = sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var greeting = words.Length >= 2 && Greetings.Contains($"{words[0]} {Bare(words[1])}") ? 2
            : words.Length >= 1 && Greetings.Contains(Bare(words[0])) ? 1
            : 0;
        if (greeting == 0)
        {
            return sentence;
        }

        // The address runs to the first comma or "!" within a few names or titles; without one, only the greeting goes.
        var end = greeting;
        if (!EndsClause(words[greeting - 1]))
        {
            for (var i = greeting; i < Math.Min(words.Length, greeting + 3) && IsAddress(words[i]); i++)
            {
                if (EndsClause(words[i]))
                {
                    end = i + 1;
                    break;
                }
            }
        }

        return string.Join(' ', words.Skip(end));
    }

    private static bool EndsClause(string word) => word.EndsWith(',') || word.EndsWith('!');

    private static bool IsAddress(string word) => Address.Contains(Bare(word)) || (char.IsUpper(word[0]) && Bare(word) != "I");

    private static string Bare(string word) => word.Trim(',', '!', '.', ':', ';');

    /// <summary>A short first sentence whose content words the rest of the message all repeats: a subject line.</summary>
    private static bool RepeatedSubject(string first, IEnumerable<string> rest)
    {
        var subject = Terms.Extract(first);
        if (subject.Count == 0 || Words(first).Count > MaxSubjectWords)
        {
            return false;
        }

        var body = Terms.Extract(string.Join(' ', rest)).ToHashSet(StringComparer.Ordinal);
        return subject.All(body.Contains);
    }

    /// <summary>Runs of letters and digits.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    /// <summary>
    /// Sentences end at ".", "!" or "?" followed by white space (not after "Dr." and the like), and at line
    /// breaks: "ClinicalTrials.gov", "2.5 mg" and "0093-7146-01" stay whole.
    /// </summary>
    private static List<string> Sentences(string text)
    {
        var sentences = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineBreak = c is '\n' or '\r';
            if (!lineBreak)
            {
                current.Append(c);
            }

            if (lineBreak || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !AfterAbbreviation(current)))
            {
                Add(sentences, current);
            }
        }

        Add(sentences, current);
        return sentences;
    }

    private static bool AfterAbbreviation(StringBuilder current)
    {
        var text = current.ToString().TrimEnd('.');
        var space = text.LastIndexOf(' ');
        return current[^1] == '.' && Abbreviations.Contains(text[(space + 1)..]);
    }

    private static void Add(List<string> sentences, StringBuilder current)
    {
        var sentence = current.ToString().Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }

        current.Clear();
    }
}
