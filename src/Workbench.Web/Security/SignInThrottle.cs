using System.Threading.RateLimiting;

namespace Workbench.Web.Security;

/// <summary>
/// Counts failed sign-ins per client address, whatever the accounts: past
/// <see cref="SecurityOptions.MaxFailedSignIns"/> in a window of <see cref="SecurityOptions.LockoutMinutes"/>
/// the address may not try again until the window ends. Each account's own limit is its lockout.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> failures;

    public SignInThrottle(IOptions<SecurityOptions> options)
    {
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.MaxFailedSignInsPerAddress,
            Window = TimeSpan.FromMinutes(options.Value.LockoutMinutes),
            QueueLimit = 0,
        };
        failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => window));
    }

    public static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Whether the address has used up its failed sign-ins (asking takes none).</summary>
    public bool IsBlocked(string address)
    {
        using var lease = failures.AttemptAcquire(address, 0);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string address) => failures.AttemptAcquire(address).Dispose();

    public void Dispose() => failures.Dispose();
}
