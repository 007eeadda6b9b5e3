namespace Workbench.Core.Answering.Verification;

/// <summary>Which stretches outside the first and last matched words count as substitutions too.</summary>
[Flags]
public enum Edges
{
    None = 0,

    /// <summary>Before the first match, its last few words: clause openings differ freely ("The guideline recommends X" against "X is recommended").</summary>
    Leading = 1,

    /// <summary>After the last match, all of it: the clause's end ("who had undergone hysterectomy" against "who had an intact uterus").</summary>
    Trailing = 2,
}
