using System.Globalization;

namespace Workbench.Core.Diagnostics;

/// <summary>Resident memory of a process (the app, Qdrant), read from /proc, for the load benchmarks.</summary>
public static class ProcessMemory
{
    /// <summary>Megabytes resident, or null without a pid or for a process that is gone.</summary>
    public static double? ResidentMegabytes(int? pid)
    {
        var status = $"/proc/{pid}/status";
        var line = pid is not null && File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)) : null;
        return line is null ? null : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    public static string Format(double? megabytes) => megabytes?.ToString("F0", CultureInfo.InvariantCulture) ?? "-";
}
