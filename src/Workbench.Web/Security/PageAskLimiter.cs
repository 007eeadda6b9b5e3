using System.Threading.RateLimiting;
using Workbench.Core.Telemetry;

namespace Workbench.Web.Security;

/// <summary>
/// Questions per user and minute on the ask page. The API's limit is HTTP middleware and never sees a
/// question asked over a circuit, and a script can drive a circuit as well as the API; so the page
/// counts too, with the same number (each its own count).
/// </summary>
public sealed class PageAskLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => RateLimitOptions.PerMinute(options.Value.AskPerMinute)));

    /// <summary>Null when the user may ask now; otherwise how long until they may.</summary>
    public TimeSpan? Refuse(string user)
    {
        using var lease = limiter.AttemptAcquire(user);
        if (lease.IsAcquired)
        {
            return null;
        }

        WorkbenchTelemetry.RateLimited.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.Side, "inbound"));
        return RateLimitOptions.RetryAfter(lease);
    }

    public void Dispose() => limiter.Dispose();
}
