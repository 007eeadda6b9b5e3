using System.Security.Cryptography;
using System.Text;

namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>
/// Which side each configuration of an item is shown on, per rater. Derived from a hash of the campaign's
/// secret seed, the item and the rater, so it is stable across visits (a rater resuming sees the same
/// layout) yet unpredictable without the seed, and independent between raters.
/// </summary>
public static class Blinding
{
    /// <summary>True when the pair's second configuration is shown on the left.</summary>
    public static bool IsSwapped(string seed, int item, string rater)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{item}\u001f{rater.Trim().ToLowerInvariant()}"));
        return (hash[0] & 1) == 1;
    }

    public static PairPreference Unblind(Preference preference, bool swapped) => preference switch
    {
        Preference.Left => swapped ? PairPreference.Second : PairPreference.First,
        Preference.Right => swapped ? PairPreference.First : PairPreference.Second,
        Preference.Tie => PairPreference.Tie,
        Preference.BothBad => PairPreference.BothBad,
        _ => throw new ArgumentOutOfRangeException(nameof(preference)),
    };

    public static Preference Blind(PairPreference preference, bool swapped) => preference switch
    {
        PairPreference.First => swapped ? Preference.Right : Preference.Left,
        PairPreference.Second => swapped ? Preference.Left : Preference.Right,
        PairPreference.Tie => Preference.Tie,
        PairPreference.BothBad => Preference.BothBad,
        _ => throw new ArgumentOutOfRangeException(nameof(preference)),
    };
}
