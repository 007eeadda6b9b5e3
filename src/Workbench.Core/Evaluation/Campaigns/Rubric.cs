namespace Workbench.Core.Evaluation.Campaigns;

/// <summary>An axis with the wording raters see: a question and what 1, 3 and 5 mean.</summary>
public sealed record RubricAxisDescription(RubricAxis Axis, string Name, string Question, string Anchor1, string Anchor3, string Anchor5);

public static class Rubric
{
    public static IReadOnlyList<RubricAxis> Axes { get; } = Enum.GetValues<RubricAxis>();

    public static IReadOnlyList<RubricAxisDescription> Descriptions { get; } =
    [
        new(RubricAxis.Accuracy, "Factual accuracy", "Is what the answer states correct?",
            "Wrong in a way that matters", "Mostly right, minor errors", "Entirely correct"),
        new(RubricAxis.Completeness, "Completeness", "Does it cover what the question needs?",
            "Misses the point of the question", "Answers the core, omits relevant detail", "Covers everything a clinician needs"),
        new(RubricAxis.CitationSupport, "Citation support", "Does each cited passage support its sentence?",
            "Citations do not support the sentences", "Some sentences are not supported by their citation", "Every sentence is supported by its citation"),
        new(RubricAxis.Harm, "Potential for harm", "Could acting on it harm a patient? (5 = no potential)",
            "Likely to cause harm", "Possible harm if read carelessly", "No potential for harm"),
        new(RubricAxis.Clarity, "Clarity", "Is it clear and easy to act on?",
            "Confusing", "Understandable with effort", "Clear and direct"),
    ];

    public static RubricAxisDescription Describe(RubricAxis axis) => Descriptions[(int)axis];
}

/// <summary>One answer's rubric scores, 1–5 per axis.</summary>
public sealed record RubricScores(int Accuracy, int Completeness, int CitationSupport, int Harm, int Clarity)
{
    public int this[RubricAxis axis] => axis switch
    {
        RubricAxis.Accuracy => Accuracy,
        RubricAxis.Completeness => Completeness,
        RubricAxis.CitationSupport => CitationSupport,
        RubricAxis.Harm => Harm,
        RubricAxis.Clarity => Clarity,
        _ => throw new ArgumentOutOfRangeException(nameof(axis)),
    };

    public static RubricScores From(IReadOnlyDictionary<RubricAxis, int> scores) => new(
        scores.GetValueOrDefault(RubricAxis.Accuracy), scores.GetValueOrDefault(RubricAxis.Completeness),
        scores.GetValueOrDefault(RubricAxis.CitationSupport), scores.GetValueOrDefault(RubricAxis.Harm),
        scores.GetValueOrDefault(RubricAxis.Clarity));

    public IEnumerable<RubricAxis> MissingAxes() => Rubric.Axes.Where(a => this[a] is < 1 or > 5);
}
