namespace Workbench.Core.Diagnostics;

/// <summary>The questions the load benchmarks (REST and circuits) ask, in turn: all answerable from the bundled corpus.</summary>
public static class LoadQuestions
{
    public static IReadOnlyList<string> All { get; } =
    [
        "At what age should average-risk adults start colorectal cancer screening?", "Which vaccine protects adults over 50 against shingles?",
        "What blood pressure target does SPRINT support?", "What aspirin dose prevents preeclampsia?", "What is first-line therapy for type 2 diabetes?",
        "How should sepsis-induced hypotension be resuscitated?", "When should statins be started for primary prevention?", "How is latent tuberculosis treated?",
    ];
}
