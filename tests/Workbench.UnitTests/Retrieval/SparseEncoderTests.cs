namespace Workbench.UnitTests.Retrieval;

public class SparseEncoderTests
{
    [Fact]
    public void AQueryWeighsEachDistinctContentTermOnce()
    {
        var vector = SparseEncoder.EncodeQuery("What HbA1c target? HbA1c below 7% for the adults");

        Assert.Equal(vector.Indices.Distinct().Count(), vector.Indices.Length);
        Assert.All(vector.Values, v => Assert.Equal(1f, v));
        Assert.Contains(SparseEncoder.Id("hba1c"), vector.Indices);
        Assert.DoesNotContain(SparseEncoder.Id("the"), vector.Indices);
        Assert.DoesNotContain(SparseEncoder.Id("what"), vector.Indices);
    }

    [Fact]
    public void ADocumentsRepeatedTermWeighsMoreButSaturates()
    {
        var once = SparseEncoder.EncodeDocument("metformin lowers glucose");
        var often = SparseEncoder.EncodeDocument("metformin metformin metformin metformin metformin metformin lowers glucose");
        var id = SparseEncoder.Id("metformin");

        var weightOnce = once.Values[Array.IndexOf(once.Indices, id)];
        var weightOften = often.Values[Array.IndexOf(often.Indices, id)];
        Assert.True(weightOften > weightOnce);
        Assert.True(weightOften < 2.2f, "BM25 saturation caps a term's weight at k1 + 1");
    }

    [Fact]
    public void QueryAndDocumentShareIdsForTheSameTermsInAnyInflection()
    {
        var query = SparseEncoder.EncodeQuery("screening for COVID-19 vaccines");
        var document = SparseEncoder.EncodeDocument("Vaccine screened after COVID-19");

        var shared = query.Indices.Intersect(document.Indices).ToHashSet();
        Assert.Superset(new[] { "screen", "covid-19", "vaccin" }.Select(SparseEncoder.Id).ToHashSet(), shared);
    }

    [Fact]
    public void WordsArePorterStemmedButTokensWithDigitsStayWhole()
    {
        var query = SparseEncoder.EncodeQuery("effectiveness of 2.5 mg in COVID-19");
        var document = SparseEncoder.EncodeDocument("Effects of 2.5 mg doses after COVID-19 infections");

        Assert.Equal(query.Indices, query.Indices.Intersect(document.Indices));
        Assert.Contains(SparseEncoder.Id("2.5"), query.Indices);
        Assert.Contains(SparseEncoder.Id("covid-19"), query.Indices);
        Assert.Equal(SparseEncoder.TermIds("association"), SparseEncoder.TermIds("associated"));
    }

    [Fact]
    public void IndicesAreSortedAndStableAcrossCalls()
    {
        var first = SparseEncoder.EncodeDocument("apixaban rivaroxaban dabigatran edoxaban warfarin");
        var second = SparseEncoder.EncodeDocument("apixaban rivaroxaban dabigatran edoxaban warfarin");

        Assert.Equal(first.Indices.Order(), first.Indices);
        Assert.Equal(first.Indices, second.Indices);
        Assert.Equal(2166136261u, SparseEncoder.Id(string.Empty));
    }

    [Fact]
    public void AQuestionOfStopWordsOnlyHasAnEmptyVector() =>
        Assert.Empty(SparseEncoder.EncodeQuery("what is the").Indices);
}
