using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Workbench.Web.Security;

/// <summary>ASP.NET's key repository over the key ring kept in the application database.</summary>
public sealed class KeyRingXmlRepository(KeyRingStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.ReadAll().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) => store.Add(element.ToString(SaveOptions.DisableFormatting), friendlyName);
}
