namespace Workbench.Core.Retrieval;

/// <summary>
/// A passage found by a search, before its text is loaded: what re-ranking needs. <see cref="Score"/> is
/// its dense cosine similarity to the query, <see cref="RankScore"/> what ranked it, <see cref="TermIds"/>
/// the ids of its distinct terms as stored (its sparse vector's indices) when the query asked for them.
/// </summary>
public sealed record SearchHit(Guid PointId, double Score, double RankScore, IReadOnlySet<uint>? TermIds = null);
