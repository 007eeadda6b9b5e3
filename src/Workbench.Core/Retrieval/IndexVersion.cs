namespace Workbench.Core.Retrieval;

/// <summary>A built version of the passage index: a collection named after the serving alias.</summary>
public sealed record IndexVersion(string Collection, int Number, long Passages, bool Live);
