using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Workbench.Core.Deidentification;

namespace Workbench.UnitTests.Deidentification;

/// <summary>
/// Input built to make regular expressions backtrack (long runs that almost match), seeded random text and a
/// 1 MB single line: the de-identifier takes time linear in the input and leaks nothing. The absolute budget is
/// generous because test machines are shared; the growth from 128 KB to 512 KB is what tells a quadratic rule.
/// </summary>
public class AdversarialInputTests
{
    private const double SecondsPerMegabyte = 15.0;

    public static TheoryData<string> Inputs => new()
    {
        "a.",
        "1",
        " ",
        "Aa ",
        "a@",
        "Mr. Aa, ",
        "9 ",
        "1/",
        "http://a",
        "Dr. Parkinson's ",
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void RepeatedFragmentsTakeTimeLinearInTheirLength(string fragment)
    {
        string Repeat(int characters) => string.Concat(Enumerable.Repeat(fragment, characters / fragment.Length));
        Deidentifier.Redact(Repeat(4096));

        var small = Time(Repeat(1 << 17));
        var large = Time(Repeat(1 << 19));

        // Four times the text: a linear rule takes about four times as long, a quadratic one sixteen.
        Assert.True(large <= 8 * small + 0.5, $"{small:F2} s for 128 KB, {large:F2} s for 512 KB");
    }

    [Fact]
    public void SeededRandomTextOfOneMegabyteFinishesInTime()
    {
        var random = new Random(20);
        const string alphabet = "aAbBzZ09 .,:;-'/@()#\n\tÜé王Ж";
        var text = new StringBuilder(1 << 20);
        while (text.Length < 1 << 20)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }

        AssertWithinBudget(text.ToString());
    }

    [Fact]
    public void AOneMegabyteLineOfNotesLeaksNoIdentifier()
    {
        var line = string.Concat(Enumerable.Repeat("Mr. Tomas Alvarez (MRN 00483921) was seen 03/14/2023 for Parkinson's disease; call (617) 555-0134. ", 10_000));

        var result = Deidentifier.Redact(line);

        Assert.DoesNotContain("Alvarez", result.Text);
        Assert.DoesNotContain("00483921", result.Text);
        Assert.DoesNotContain("555-0134", result.Text);
        Assert.Contains("Parkinson's disease", result.Text);
    }

    [Fact]
    public void EveryRegexOfTheDeidentifierIsNonBacktrackingOrHasATimeout()
    {
        var regexes = new[] { typeof(Deidentifier), typeof(NameFinder), typeof(DateFinder), typeof(PublicNames) }
            .SelectMany(t => t.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0).Select(m => (m.Name, (Regex)m.Invoke(null, null)!))
                .Concat(t.GetFields(BindingFlags.NonPublic | BindingFlags.Static).Where(f => f.FieldType == typeof(Regex)).Select(f => (f.Name, (Regex)f.GetValue(null)!))))
            .ToList();

        Assert.True(regexes.Count > 30);
        Assert.All(regexes, r => Assert.True(r.Item2.Options.HasFlag(RegexOptions.NonBacktracking) || r.Item2.MatchTimeout != Regex.InfiniteMatchTimeout, r.Name));
    }

    /// <summary>The best of three runs: other tests share the cores, and a pause they cause is not the rule's growth.</summary>
    private static double Time(string text) => Enumerable.Range(0, 3).Min(_ =>
    {
        var stopwatch = Stopwatch.StartNew();
        Deidentifier.Redact(text);
        return stopwatch.Elapsed.TotalSeconds;
    });

    private static void AssertWithinBudget(string text)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = Deidentifier.Redact(text);
        stopwatch.Stop();

        Assert.NotNull(result.Text);
        var budget = SecondsPerMegabyte * text.Length / (1 << 20);
        Assert.True(stopwatch.Elapsed.TotalSeconds <= budget, $"{stopwatch.Elapsed.TotalSeconds:F2} s for {text.Length:N0} characters (budget {budget:F2} s)");
    }
}
