namespace Workbench.Core.Retrieval;

/// <summary>
/// A Qdrant server process owned by this process: started from its binary with configuration in
/// environment variables, ready once <c>/readyz</c> answers, stopped with SIGTERM so it flushes cleanly.
/// </summary>
/// <summary>A node's place in a distributed Qdrant: its peer-to-peer port, and the first node's address to join (none for the first).</summary>
public sealed record ClusterNode(int P2pPort, string? Bootstrap);
