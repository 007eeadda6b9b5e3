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
    public static bool IsSwapped(string seed, int item, string rater) => (Hash(seed, item, rater)[0] & 1) == 1;

    /// <summary>A sort key for the item, private to the rater: their queue order, unpredictable without the seed.</summary>
    public static ulong Rank(string seed, int item, string rater) => BitConverter.ToUInt64(Hash(seed, item, rater), 8);

    private static byte[] Hash(string seed, int item, string rater) =>
        SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}\u001f{item}\u001f{rater.Trim().ToLowerInvariant()}"));

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
