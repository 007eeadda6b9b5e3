using System.Security.Cryptography;
using System.Text;

namespace Workbench.Core.Domain;

public static class Hashing
{
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A stable UUID for a string key, so a passage keeps its Qdrant point id across reindexes.</summary>
    public static Guid StableGuid(string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(hash.AsSpan(0, 16));
    }
}
