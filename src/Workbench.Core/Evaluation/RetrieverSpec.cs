using Workbench.Core.Retrieval;

namespace Workbench.Core.Evaluation;

/// <summary>
/// A retriever configuration to evaluate, written <c>dense</c>, <c>sparse</c>, <c>hybrid</c> or with
/// <c>+lexical</c> re-ranking, or <c>default</c>: no kind or re-ranker of its own, so whatever the ask page
/// runs with the configuration given.
/// </summary>
public sealed record RetrieverSpec(RetrieverKind? Kind, RerankerKind? Reranker)
{
    public const string DefaultName = "default";

    public static readonly RetrieverSpec Default = new(null, null);

    public static readonly RetrieverSpec Dense = new(RetrieverKind.Dense, RerankerKind.None);

    public bool IsDefault => Kind is null;

    public string Label => Kind is not { } kind ? DefaultName
        : Reranker is null or RerankerKind.None ? kind.ToString().ToLowerInvariant()
        : $"{kind.ToString().ToLowerInvariant()}+{Reranker.Value.ToString().ToLowerInvariant()}";

    public static RetrieverSpec Parse(string text)
    {
        if (text.Trim().Equals(DefaultName, StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }

        var parts = text.Split('+', StringSplitOptions.TrimEntries);
        if (parts.Length > 2 || !Enum.TryParse<RetrieverKind>(parts[0], ignoreCase: true, out var kind)
            || !Enum.IsDefined(kind))
        {
            throw new FormatException($"unknown retriever '{text}': use default, or dense, sparse or hybrid, optionally followed by +lexical");
        }

        var reranker = RerankerKind.None;
        if (parts.Length == 2 && (!Enum.TryParse(parts[1], ignoreCase: true, out reranker) || !Enum.IsDefined(reranker)))
        {
            throw new FormatException($"unknown re-ranker in '{text}': use +lexical");
        }

        return new RetrieverSpec(kind, reranker);
    }
}
