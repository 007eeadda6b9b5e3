using System.Numerics.Tensors;

namespace Workbench.Core.Retrieval;

/// <summary>
/// Rocchio-style feedback on the dense side: a consumer's wording is far from how answers are written,
/// and the passages nearest to it are usually on the right topic, so the query vector is moved toward
/// them and searched again.
/// </summary>
public static class PseudoRelevanceFeedback
{
    /// <summary>The unit vector in the direction of <paramref name="query"/> plus <paramref name="weight"/> times the mean of the unit <paramref name="neighbours"/>.</summary>
    public static ReadOnlyMemory<float> Move(ReadOnlyMemory<float> query, IReadOnlyList<float[]> neighbours, double weight)
    {
        if (neighbours.Count == 0)
        {
            return query;
        }

        var moved = Unit(query.Span);
        var scale = (float)(weight / neighbours.Count);
        foreach (var neighbour in neighbours)
        {
            var unit = Unit(neighbour);
            for (var i = 0; i < moved.Length; i++)
            {
                moved[i] += scale * unit[i];
            }
        }

        return Unit(moved);
    }

    private static float[] Unit(ReadOnlySpan<float> vector)
    {
        var norm = MathF.Sqrt(TensorPrimitives.SumOfSquares(vector));
        var unit = vector.ToArray();
        if (norm > 0)
        {
            TensorPrimitives.Divide(unit, norm, unit);
        }

        return unit;
    }
}
