using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Core.Security;

/// <summary>
/// The data-protection key ring (which protects sign-in cookies and antiforgery tokens) in the
/// application database, so that every web instance behind a load balancer accepts the cookies any of
/// them issued, and keys survive redeployments. Keys are XML elements kept as text; the web host parses
/// them. Synchronous because ASP.NET's key repository is.
/// </summary>
public sealed class KeyRingStore(IDbContextFactory<WorkbenchDbContext> contexts)
{
    /// <summary>Every key element, oldest first.</summary>
    public IReadOnlyList<string> ReadAll()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList();
    }

    public void Add(string xml, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = xml });
        db.SaveChanges();
    }
}
