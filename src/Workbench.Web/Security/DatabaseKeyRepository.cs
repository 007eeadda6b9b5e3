using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.Web.Security;

/// <summary>
/// The data-protection key ring (which protects sign-in cookies and antiforgery tokens) in the
/// application database, so that every web instance behind a load balancer accepts the cookies any of
/// them issued, and keys survive redeployments.
/// </summary>
public sealed class DatabaseKeyRepository(IDbContextFactory<WorkbenchDbContext> contexts) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = contexts.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = contexts.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKeyEntity { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
