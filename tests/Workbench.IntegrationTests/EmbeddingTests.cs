using Microsoft.Extensions.AI;

namespace Workbench.IntegrationTests;

[Collection(IntegrationCollection.Name)]
public class EmbeddingTests(IntegrationFixture fixture)
{
    /// <summary>Questions asked at the same moment are embedded together; each must get exactly its own vector.</summary>
    [Fact]
    public async Task ConcurrentQuestionsEmbeddedAsOneBatchGetTheSameVectorsAsAlone()
    {
        var embedder = fixture.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        string[] questions =
        [
            "Which vaccine protects adults over 50 against shingles?",
            "What aspirin dose prevents preeclampsia?",
            "At what age should average-risk adults start colorectal cancer screening and with which tests, and how often should they be repeated?",
            "HbA1c target?",
        ];
        var alone = new List<float[]>();
        foreach (var question in questions)
        {
            alone.Add((await embedder.GenerateAsync([question]))[0].Vector.ToArray());
        }

        var together = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => embedder.GenerateAsync([questions[i % questions.Length]])));

        for (var i = 0; i < together.Length; i++)
        {
            var vector = together[i][0].Vector.Span;
            var expected = alone[i % questions.Length];
            for (var d = 0; d < expected.Length; d++)
            {
                Assert.Equal(expected[d], vector[d], 3e-4f);
            }
        }

        Assert.NotEqual(alone[0][0], alone[1][0]);
    }
}
