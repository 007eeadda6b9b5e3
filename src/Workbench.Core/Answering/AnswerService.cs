namespace Workbench.Core.Answering;

/// <summary>What the UI and the API call: ask, keep the answer so it can be rated and reopened, and record who asked.</summary>
public sealed class AnswerService(AskPipeline pipeline, AnswerStore store)
{
    /// <summary>Saving is the ask's last stage, in the same trace.</summary>
    public Task<AskResult> AskAsync(AskRequest request, Actor actor, CancellationToken cancellationToken = default, Func<string, Task>? onText = null) =>
        pipeline.AskAsync(request, cancellationToken, onText, (result, cancel) => store.SaveAsync(result, actor, cancel));
}
