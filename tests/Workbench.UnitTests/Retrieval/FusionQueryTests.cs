using Qdrant.Client.Grpc;
using Workbench.Core.Retrieval.Qdrant;

namespace Workbench.UnitTests.Retrieval;

/// <summary>How each retriever and fusion setting becomes one Qdrant Query API request (prefetch + fusion).</summary>
public class FusionQueryTests
{
    private static readonly float[] Dense = [0.6f, 0.8f];

    private static PassageQuery Query(RetrieverKind kind, FusionSettings? fusion = null, SearchFilters? filters = null, string question = "HbA1c target in adults with type 2 diabetes") =>
        new(Dense, SparseEncoder.EncodeQuery(question), kind, TopK: 10, filters ?? SearchFilters.None, fusion);

    [Fact]
    public void HybridFusesADensePrefetchAndASparsePrefetchEachFourTimesDeeperThanTheResult()
    {
        var ranking = QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, new FusionSettings(FusionKind.Dbsf)), Dense);

        Assert.Equal(Fusion.Dbsf, ranking.Query.Fusion);
        Assert.Equal(10ul, ranking.Limit);
        Assert.Collection(ranking.Prefetch,
            dense =>
            {
                Assert.Equal(QdrantPassageIndex.DenseVector, dense.Using);
                Assert.Equal(Dense, dense.Query.Nearest.Dense.Data);
                Assert.Equal(40ul, dense.Limit);
            },
            sparse =>
            {
                Assert.Equal(QdrantPassageIndex.SparseVectorName, sparse.Using);
                Assert.Contains(SparseEncoder.Id("hba1c"), sparse.Query.Nearest.Sparse.Indices);
                Assert.Equal(40ul, sparse.Limit);
            });
        Assert.Null(ranking.Filter);
    }

    [Fact]
    public void PayloadFiltersApplyToTheFusedRankingAndToEveryPrefetch()
    {
        var ranking = QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, filters: new SearchFilters(Specialty: " Cardiology ", YearFrom: 2018)), Dense);

        Assert.NotNull(ranking.Filter);
        Assert.Equal(2, ranking.Filter.Must.Count);
        Assert.Equal("cardiology", ranking.Filter.Must.Single(c => c.Field.Key == "specialty").Field.Match.Keyword);
        Assert.Equal(2018, ranking.Filter.Must.Single(c => c.Field.Key == "year").Field.Range.Gte);
        Assert.All(ranking.Prefetch, p => Assert.Equal(ranking.Filter, p.Filter));
    }

    [Fact]
    public void UnsetFusionIsTheConfiguredDefault() =>
        Assert.Equal(new Workbench.Core.Answering.AskOptions().Fusion, new FusionSettings().Kind);

    [Fact]
    public void DistributionBasedFusionIsQdrantsDbsf() =>
        Assert.Equal(Fusion.Dbsf, QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, new FusionSettings(FusionKind.Dbsf)), Dense).Query.Fusion);

    [Fact]
    public void WeightedRrfCarriesItsConstantAndOneWeightPerPrefetch()
    {
        var rrf = QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, new FusionSettings(FusionKind.Rrf, RrfK: 60, DenseWeight: 2)), Dense).Query.Rrf;

        Assert.Equal(60u, rrf.K);
        Assert.Equal([2f, 1f], rrf.Weights);
    }

    [Fact]
    public void AQuestionWithoutContentWordsFusesTheDensePrefetchAloneAndWeighsNothing()
    {
        var ranking = QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, new FusionSettings(FusionKind.Rrf, DenseWeight: 2), question: "what is the"), Dense);

        Assert.Equal(QdrantPassageIndex.DenseVector, Assert.Single(ranking.Prefetch).Using);
        Assert.Empty(ranking.Query.Rrf.Weights);
    }

    [Fact]
    public void LinearFusionAddsTheWeightedWordScoreToTheCosineWithZeroForAMissingSide()
    {
        var formula = QdrantQueries.Ranking(Query(RetrieverKind.Hybrid, new FusionSettings(FusionKind.Linear, SparseWeight: 0.01)), Dense).Query.Formula;

        var sum = formula.Expression.Sum.Sum;
        Assert.Equal("$score[0]", sum[0].Variable);
        Assert.Equal(0.01f, sum[1].Mult.Mult[0].Constant);
        Assert.Equal("$score[1]", sum[1].Mult.Mult[1].Variable);
        Assert.Equal(0d, formula.Defaults["$score[0]"].DoubleValue);
        Assert.Equal(0d, formula.Defaults["$score[1]"].DoubleValue);
    }

    [Theory]
    [InlineData(RetrieverKind.Dense, QdrantPassageIndex.DenseVector)]
    [InlineData(RetrieverKind.Sparse, QdrantPassageIndex.SparseVectorName)]
    public void ASingleRetrieverQueriesItsOwnVectorWithoutPrefetch(RetrieverKind kind, string vector)
    {
        var ranking = QdrantQueries.Ranking(Query(kind), Dense);

        Assert.Equal(vector, ranking.Using);
        Assert.Empty(ranking.Prefetch);
        Assert.Equal(10ul, ranking.Limit);
    }
}
