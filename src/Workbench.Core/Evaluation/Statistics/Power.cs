namespace Workbench.Core.Evaluation.Statistics;

/// <summary>
/// How many judgements a two-sided test at 95% confidence with 80% power needs to tell a true win rate from
/// 50%: n = [z_{.975} √(¼) + z_{.8} √(p(1−p))]² / (p − ½)². Raters scoring the same item do not give
/// independent judgements; with k raters per item and intra-item correlation ρ the design effect
/// 1 + (k − 1) ρ inflates n (Kish).
/// </summary>
public static class Power
{
    public const double Z975 = 1.959964;
    public const double Z80 = 0.841621;

    /// <summary>Judgements needed to detect <paramref name="winRate"/> against 50%; null for a win rate of 50% (undetectable).</summary>
    public static int? JudgementsNeeded(double winRate, int overlap = 1, double intraItemCorrelation = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(overlap, 1);
        var difference = Math.Abs(winRate - 0.5);
        if (difference < 1e-9 || winRate is <= 0 or >= 1)
        {
            return difference < 1e-9 ? null : 1;
        }

        var root = (Z975 * 0.5) + (Z80 * Math.Sqrt(winRate * (1 - winRate)));
        var independent = root * root / (difference * difference);
        var designEffect = 1 + ((overlap - 1) * Math.Clamp(intraItemCorrelation, 0, 1));
        return (int)Math.Ceiling(independent * designEffect);
    }

    /// <summary>True when the win rate's interval lies wholly on one side of 50%: the data separate the two.</summary>
    public static bool Separates(Estimate winRate) => winRate.Lower > 0.5 || winRate.Upper < 0.5;
}
