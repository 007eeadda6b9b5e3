using Workbench.Core.Domain;
using Workbench.Core.Persistence;

namespace Workbench.Core.Answering;

/// <summary>What the UI and the API call: ask, keep the answer so it can be rated and reopened, and record who asked.</summary>
public sealed class AnswerService(AskPipeline pipeline, AnswerStore store)
{
    public async Task<AskResult> AskAsync(AskRequest request, Actor actor, CancellationToken cancellationToken = default, Func<string, Task>? onText = null)
    {
        var result = await pipeline.AskAsync(request, cancellationToken, onText);
        await store.SaveAsync(result, actor, cancellationToken);
        return result;
    }
}
