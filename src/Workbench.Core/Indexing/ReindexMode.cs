namespace Workbench.Core.Indexing;

public enum ReindexMode
{
    /// <summary>Build a new index version from the whole corpus, then switch to it.</summary>
    Full = 0,

    /// <summary>Update the live version in place: new and changed documents, and removed ones deleted.</summary>
    Changed = 1,

    /// <summary>Serve the previous version again.</summary>
    Rollback = 2,
}
