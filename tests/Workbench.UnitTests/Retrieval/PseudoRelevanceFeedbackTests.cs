namespace Workbench.UnitTests.Retrieval;

public class PseudoRelevanceFeedbackTests
{
    [Fact]
    public void TheQueryMovesTowardTheMeanOfItsNeighboursAndStaysAUnitVector()
    {
        // Query (1, 0); neighbours' mean (0, 1) with weight 1: (1, 1) / √2.
        var moved = PseudoRelevanceFeedback.Move(new float[] { 2, 0 }, [[0, 3], [0, 1]], 1).ToArray();

        Assert.Equal(1 / MathF.Sqrt(2), moved[0], 5);
        Assert.Equal(1 / MathF.Sqrt(2), moved[1], 5);
    }

    [Fact]
    public void WithoutNeighboursTheQueryIsUnchanged()
    {
        float[] query = [0.6f, 0.8f];

        Assert.Equal(query, PseudoRelevanceFeedback.Move(query, [], 0.5).ToArray());
    }
}
