using System.Globalization;

namespace Workbench.Core.Diagnostics;

/// <summary>
/// CPU time from /proc, for the load benchmarks: a load generator on the same machine competes with the
/// server for its cores, so how much of the machine's busy time the server used tells whose limit a
/// figure shows.
/// </summary>
public static class ProcessCpu
{
    // /proc reports clock ticks; USER_HZ is 100 on Linux builds for every architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User + system CPU seconds of a process, or null without a pid or for a process that is gone.</summary>
    public static double? Seconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Busy CPU seconds of the whole machine (all cores; user, nice, system, irq, softirq).</summary>
    public static double MachineSeconds()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new[] { 1, 2, 3, 6, 7 }.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
