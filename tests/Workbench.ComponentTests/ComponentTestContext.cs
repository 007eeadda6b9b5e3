using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Workbench.ComponentTests;

/// <summary>
/// A bUnit context with MudBlazor's services, and sample answers to render. MudBlazor registers
/// services that can only be disposed asynchronously, so the context is disposed through IAsyncLifetime.
/// </summary>
public abstract class ComponentTestContext : IAsyncLifetime
{
    private readonly BunitContext context = new();

    protected ComponentTestContext()
    {
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>The services pages inject, for a test to add the ones its page needs.</summary>
    protected IServiceCollection Services => context.Services;

    protected IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : Microsoft.AspNetCore.Components.IComponent =>
        context.Render(parameters);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    protected static DocumentMetadata Source(string title = "Aspirin Use to Prevent Preeclampsia", string? url = "https://www.uspreventiveservicestaskforce.org/") =>
        new(title, "U.S. Preventive Services Task Force", 2021, DocumentType.Guideline, "obstetrics", url);

    protected static Citation Citation(int number, string quote, DocumentMetadata? source = null) =>
        new(number, $"doc#{number}", "doc", "Recommendation", quote, 0.85, source ?? Source());

    protected static AskResult Answer(IReadOnlyList<AnswerSentence> sentences, IReadOnlyList<Citation> citations, IReadOnlyList<Citation>? closest = null) =>
        new(Guid.NewGuid(), "What aspirin dose prevents preeclampsia?", sentences, citations, closest ?? [], sentences.Count == 0,
            sentences.Count == 0 ? "The indexed corpus does not contain a passage that answers this question." : null,
            new AskTimings(5, 6, 7), new PipelineConfiguration("default", 1, "arctic", "hybrid", "rrf", "none", 5, 200, 40, "extractive"), DateTimeOffset.UnixEpoch);
}
