namespace Workbench.Core.Answering;

/// <summary>A composer's reply, whether it quotes the passages, and the notice saying why it fell back to quoting, if it did.</summary>
public sealed record ComposedReply(string? Reply, bool Quoted, string? Notice)
{
    public bool FellBack => Notice is not null;
}
