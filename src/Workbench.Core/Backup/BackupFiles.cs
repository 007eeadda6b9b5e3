using System.Security.Cryptography;

namespace Workbench.Core.Backup;

/// <summary>Files in a backup folder: written with their SHA-256 taken on the way, checked against it, and only ever inside the folder.</summary>
public static class BackupFiles
{
    /// <summary>Writes <paramref name="content"/> to <paramref name="relativePath"/> under <paramref name="root"/>, hashing as it goes.</summary>
    public static async Task<BackupFile> WriteAsync(Stream content, string root, string relativePath, CancellationToken cancellationToken)
    {
        var path = Inside(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            bytes += read;
        }

        return new BackupFile(relativePath, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    public static async Task<BackupFile> CopyAsync(string source, string root, string relativePath, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        return await WriteAsync(stream, root, relativePath, cancellationToken);
    }

    /// <summary>Checks a file of the backup against its size and checksum; the reason it fails, or null.</summary>
    public static async Task<string?> ProblemAsync(string root, BackupFile file, CancellationToken cancellationToken)
    {
        var path = Inside(root, file.Path);
        if (!File.Exists(path))
        {
            return $"{file.Path} is missing";
        }

        var actual = await DescribeAsync(root, file.Path, cancellationToken);
        return actual.Bytes != file.Bytes ? $"{file.Path} has {actual.Bytes} bytes where the manifest says {file.Bytes}"
            : actual.Sha256.Equals(file.Sha256, StringComparison.OrdinalIgnoreCase) ? null
            : $"{file.Path} does not match its SHA-256 checksum";
    }

    /// <summary>A file already in the backup, with its size and checksum.</summary>
    public static async Task<BackupFile> DescribeAsync(string root, string relativePath, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(Inside(root, relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        return new BackupFile(relativePath, stream.Length, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken)));
    }

    /// <summary>
    /// The full path of a '/'-separated relative path under <paramref name="root"/>. Paths come from a manifest, which is
    /// input like any other: every segment must be a plain name and the result must stay inside the root.
    /// </summary>
    public static string Inside(string root, string relativePath)
    {
        var segments = relativePath.Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.IndexOfAny(['\\', ':', '\0']) >= 0 || s.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
        {
            throw new BackupException($"The manifest names a file '{relativePath}' that is not a plain path inside the backup.");
        }

        var fullRoot = Path.GetFullPath(root);
        var full = Path.GetFullPath(Path.Combine([fullRoot, .. segments]));
        if (!full.StartsWith(Path.TrimEndingDirectorySeparator(fullRoot) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new BackupException($"The manifest names a file '{relativePath}' outside the backup.");
        }

        return full;
    }

    /// <summary>Files under <paramref name="folder"/> as '/'-separated paths relative to it, in a stable order; none when it does not exist.</summary>
    public static IReadOnlyList<string> List(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal).ToList()
        : [];
}
