using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Workbench.Core.Answering;
using Workbench.Core.Answering.Verification;
using Workbench.Core.Embeddings;
using Workbench.Core.Ingestion;
using Workbench.Core.Telemetry;
using Workbench.UnitTests.Retrieval;

namespace Workbench.UnitTests.Answering;

/// <summary>The ask pipeline around the passage-index seam, on an in-memory index: no Qdrant, no model.</summary>
public class AskPipelineTests
{
    private const string Collection = "passages";

    private static readonly Passage Diabetes = Passage("diabetes", "Type 2 diabetes", "endocrinology",
        "The HbA1c target for most adults with type 2 diabetes is 53 mmol/mol. A higher HbA1c target suits frail older adults with type 2 diabetes.");

    private static readonly Passage Asthma = Passage("asthma", "Asthma", "respiratory",
        "Adults with asthma whose symptoms are not controlled by a low dose inhaled corticosteroid should be offered a leukotriene receptor antagonist.");

    private static readonly Passage DiabetesInPregnancy = Passage("pregnancy", "Diabetes in pregnancy", "obstetrics",
        "Women with type 2 diabetes in pregnancy should aim for an HbA1c target below 48 mmol/mol if it is safely achievable.");

    private readonly InMemoryVectorStore store = new();

    [Fact]
    public async Task AnAnswerQuotesTheMatchingPassageAndCitesIt()
    {
        await IndexAsync(Diabetes, Asthma);

        var result = await Pipeline().AskAsync(new AskRequest("What is the HbA1c target for adults with type 2 diabetes?"));

        Assert.False(result.Abstained);
        var citation = Assert.Single(result.Citations);
        Assert.Equal(Diabetes.Id, citation.PassageId);
        Assert.All(result.Sentences, s => Assert.Contains(s.Text.TrimEnd('.'), Diabetes.Text));
    }

    [Fact]
    public async Task FiltersKeepOutPassagesThatMatchTheQuestionBetter()
    {
        await IndexAsync(Diabetes, DiabetesInPregnancy);

        var result = await Pipeline().AskAsync(new AskRequest("What is the HbA1c target for adults with type 2 diabetes?", Filters: new SearchFilters(Specialty: "obstetrics")));

        Assert.All(result.Retrieved!, r => Assert.Equal(DiabetesInPregnancy.Id, r.PassageId));
        Assert.NotEmpty(result.Retrieved!);
    }

    [Fact]
    public async Task WithNothingIndexedItAbstainsAndSaysSo()
    {
        await IndexAsync();

        var result = await Pipeline().AskAsync(new AskRequest("What is the HbA1c target for adults with type 2 diabetes?"));

        Assert.True(result.Abstained);
        Assert.Empty(result.Citations);
        Assert.Equal("No indexed passage matches the question and filters.", result.AbstentionReason);
    }

    [Fact]
    public async Task AnUnreachableIndexIsRetrievalUnavailableWithWhatTheClinicianReads()
    {
        await IndexAsync(Diabetes);
        store.Failure = new PassageIndexUnavailableException("Qdrant is not reachable (Unavailable).");

        var error = await Assert.ThrowsAsync<RetrievalUnavailableException>(() => Pipeline().AskAsync(new AskRequest("HbA1c target in type 2 diabetes?")));

        Assert.StartsWith("The passage index (Qdrant) is not reachable", error.Message);
        Assert.Same(store.Failure, error.InnerException);
    }

    [Fact]
    public async Task AnIndexNeverBuiltSaysSo()
    {
        var error = await Assert.ThrowsAsync<RetrievalUnavailableException>(() => Pipeline().AskAsync(new AskRequest("HbA1c target in type 2 diabetes?")));

        Assert.StartsWith("The passage index has not been built yet", error.Message);
        Assert.IsType<PassageIndexNotFoundException>(error.InnerException);
    }

    [Fact]
    public async Task ABadQuestionIsRefusedBeforeTheIndexIsAsked()
    {
        store.Failure = new PassageIndexUnavailableException("Qdrant is not reachable (Unavailable).");

        var error = await Assert.ThrowsAsync<InvalidQuestionException>(() => Pipeline().AskAsync(new AskRequest("HbA1c target?", TopK: 0)));

        Assert.Equal("topK", error.Field);
    }

    private async Task IndexAsync(params Passage[] passages)
    {
        var index = store.Index(Collection);
        await index.EnsureCollectionAsync(WordHashEmbedder.Dimensions);
        var vectors = await new WordHashEmbedder().GenerateAsync(passages.Select(p => p.EmbeddingText));
        await index.UpsertAsync(passages.Zip(vectors, (p, v) => (p, v.Vector)).ToList());
    }

    private AskPipeline Pipeline()
    {
        // The word-hash embedder's similarities run lower than the model's: the extractive composer's bar is lowered to match.
        var ask = new AskOptions { Extractive = { MinPassageScore = 0.3 } };
        var composers = new AnswerComposers(ask);
        var embedder = new WordHashEmbedder();
        var kernel = Kernel.CreateBuilder();
        kernel.Services.AddSingleton<IChatCompletionService>(new ExtractiveChatCompletionService(composers.Default));
        var built = kernel.Build();
        return new AskPipeline(
            embedder, store.Index(Collection), built, Options.Create(ask), Options.Create(new EmbeddingOptions { QueryPrefix = string.Empty }),
            Options.Create(new ChunkingOptions()), Options.Create(new VerificationOptions()), Options.Create(new TelemetryOptions()),
            new CitationVerifier(embedder, Options.Create(new VerificationOptions()), new CorpusTerms(() => [], _ => false)),
            new ChatComposition(built, Options.Create(new LlmOptions()), composers, NullLogger<ChatComposition>.Instance),
            composers, TimeProvider.System, NullLogger<AskPipeline>.Instance);
    }

    private static Passage Passage(string id, string title, string specialty, string text) =>
        new(id, id, 0, title, text, new DocumentMetadata(title, "NICE", 2022, DocumentType.Guideline, specialty, null));
}
