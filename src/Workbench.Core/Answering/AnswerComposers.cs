namespace Workbench.Core.Answering;

/// <summary>
/// The quoting composers by name: the configured default (what the ask page uses when no language model
/// is configured, and its fallback when one fails), today's extractive composer and the two baselines
/// answer evaluations compare it with.
/// </summary>
public sealed class AnswerComposers
{
    public AnswerComposers(AskOptions options)
    {
        All = [new FocusedComposer(options.Focused), new ExtractiveComposer(options.Extractive), LeadComposer.TopPassage, LeadComposer.Lead3];
        Default = Find(options.Composer) ?? throw new InvalidOperationException(
            $"Ask:Composer '{options.Composer}' is not a composer: use one of {string.Join(", ", All.Select(c => c.Name))}.");
    }

    public IReadOnlyList<IAnswerComposer> All { get; }

    public IAnswerComposer Default { get; }

    public IAnswerComposer? Find(string name) => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
