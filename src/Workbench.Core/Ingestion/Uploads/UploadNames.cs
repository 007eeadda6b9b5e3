using System.Security.Cryptography;
using System.Text;

namespace Workbench.Core.Ingestion.Uploads;

/// <summary>How an uploaded file's name is checked and turned into the ids its documents are stored under.</summary>
public static class UploadNames
{
    private const int MaxIdCharacters = 120;

    /// <summary>Why a file name cannot be used, or null. The stored file's name is derived, never taken as a path.</summary>
    public static string? NameProblem(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName) || fileName.Length > 200)
        {
            return "the file name is empty or longer than 200 characters";
        }

        if (fileName.Contains('/') || fileName.Contains('\\') || fileName.Contains("..", StringComparison.Ordinal) || fileName.Any(char.IsControl) || fileName.Contains(':'))
        {
            return "the file name contains a path, '..', ':' or control characters";
        }

        return DocumentId(fileName).Length == 0 ? "the file name has no letters or digits" : null;
    }

    /// <summary>A document id from a file name: its name without the extension, as a <see cref="Slug"/>.</summary>
    public static string DocumentId(string fileName) => Slug(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>
    /// The only way any text becomes a stored file's name: lower-case ASCII letters and digits, every other run
    /// of characters one dash, at most <see cref="MaxIdCharacters"/> long (a longer one keeps a hash of the
    /// whole, so two long ids stay apart). No dot, slash or separator survives, so a slug is never a path.
    /// </summary>
    public static string Slug(string value)
    {
        var slug = new StringBuilder();
        foreach (var c in value.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c);
            if (keep || (slug.Length > 0 && slug[^1] != '-'))
            {
                slug.Append(keep ? c : '-');
            }
        }

        var id = slug.ToString().TrimEnd('-');
        return id.Length <= MaxIdCharacters
            ? id
            : id[..(MaxIdCharacters - 17)].TrimEnd('-') + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..16];
    }

    /// <summary>A file name as it may be shown back: control characters replaced, at most 200 characters.</summary>
    public static string Printable(string? fileName) =>
        string.IsNullOrEmpty(fileName) ? "(no name)" : new string(fileName.Select(c => char.IsControl(c) ? '?' : c).Take(200).ToArray());
}
