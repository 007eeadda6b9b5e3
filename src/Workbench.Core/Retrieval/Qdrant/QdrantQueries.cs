using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>How a <see cref="PassageQuery"/> is expressed in Qdrant's Query API: prefetches, fusion and payload filters.</summary>
internal static class QdrantQueries
{
    /// <summary>Each fused list draws this many times the requested passages from each retriever.</summary>
    private const int PrefetchFactor = 4;

    /// <summary>The chosen retriever's ranking as a query, with the payload filters applied at every stage.</summary>
    internal static PrefetchQuery Ranking(PassageQuery query, float[] dense)
    {
        var filter = ToFilter(query.Filters);
        var ranking = query.Kind switch
        {
            RetrieverKind.Dense => new PrefetchQuery { Query = dense, Using = QdrantPassageIndex.DenseVector },
            RetrieverKind.Sparse => new PrefetchQuery { Query = (query.Sparse.Values, query.Sparse.Indices), Using = QdrantPassageIndex.SparseVectorName },
            RetrieverKind.Hybrid => new PrefetchQuery { Query = FusionQuery(query), Prefetch = { Prefetch(query, dense, filter) } },
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Kind, null),
        };
        ranking.Limit = (ulong)query.TopK;
        if (filter is not null)
        {
            ranking.Filter = filter;
        }

        return ranking;
    }

    private static Query FusionQuery(PassageQuery query)
    {
        var fusion = query.Fusion ?? new FusionSettings();
        if (fusion.Kind == FusionKind.Dbsf)
        {
            return Fusion.Dbsf;
        }

        if (fusion.Kind == FusionKind.Linear)
        {
            // $score[0] is the dense prefetch's cosine, $score[1] the sparse prefetch's BM25 score; a passage one of them did not return scores 0 there.
            var sparse = new Expression { Mult = new MultExpression { Mult = { new Expression { Constant = (float)fusion.SparseWeight }, new Expression { Variable = "$score[1]" } } } };
            var formula = new Formula { Expression = new Expression { Sum = new SumExpression { Sum = { new Expression { Variable = "$score[0]" }, sparse } } } };
            formula.Defaults["$score[0]"] = 0d;
            formula.Defaults["$score[1]"] = 0d;
            return formula;
        }

        if (fusion.RrfK is null && fusion.DenseWeight == 1)
        {
            return Fusion.Rrf;
        }

        var rrf = new Rrf();
        if (fusion.RrfK is { } k)
        {
            rrf.K = (uint)k;
        }

        if (fusion.DenseWeight != 1 && query.Sparse.Indices.Length > 0)
        {
            rrf.Weights.Add((float)fusion.DenseWeight);
            rrf.Weights.Add(1f);
        }

        return rrf;
    }

    private static List<PrefetchQuery> Prefetch(PassageQuery query, float[] dense, Filter? filter)
    {
        var limit = (ulong)(query.TopK * PrefetchFactor);
        var prefetch = new List<PrefetchQuery> { new() { Query = dense, Using = QdrantPassageIndex.DenseVector, Limit = limit } };
        if (query.Sparse.Indices.Length > 0)
        {
            prefetch.Add(new PrefetchQuery { Query = (query.Sparse.Values, query.Sparse.Indices), Using = QdrantPassageIndex.SparseVectorName, Limit = limit });
        }

        if (filter is not null)
        {
            prefetch.ForEach(p => p.Filter = filter);
        }

        return prefetch;
    }

    internal static Filter? ToFilter(SearchFilters filters)
    {
        var conditions = new List<Condition>();
        if (filters.Type is { } type)
        {
            conditions.Add(MatchKeyword("type", type.ToKeyword()));
        }

        if (!string.IsNullOrWhiteSpace(filters.Specialty))
        {
            conditions.Add(MatchKeyword("specialty", filters.Specialty.Trim().ToLowerInvariant()));
        }

        if (filters.YearFrom is not null || filters.YearTo is not null)
        {
            var range = new global::Qdrant.Client.Grpc.Range();
            if (filters.YearFrom is { } from)
            {
                range.Gte = from;
            }

            if (filters.YearTo is { } to)
            {
                range.Lte = to;
            }

            conditions.Add(Range("year", range));
        }

        var excluded = filters.ExcludedDocuments ?? [];
        if (conditions.Count == 0 && excluded.Count == 0)
        {
            return null;
        }

        var filter = new Filter();
        filter.Must.AddRange(conditions);
        if (excluded.Count > 0)
        {
            filter.MustNot.Add(Match("doc_id", excluded));
        }

        return filter;
    }
}
