using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace Workbench.Web;

/// <summary>Requests per minute and client the API accepts before answering 429 with Retry-After (questions on the ask page are counted the same way).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 1_000_000)]
    public int AskPerMinute { get; set; } = 600;

    [Range(1, 100_000)]
    public int UploadsPerMinute { get; set; } = 30;

    /// <summary>A fixed one-minute window of <paramref name="permits"/>, with no queue: beyond it a request is refused.</summary>
    public static FixedWindowRateLimiterOptions PerMinute(int permits) => new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>How long a refused caller should wait: the limiter's figure, or a whole window.</summary>
    public static TimeSpan RetryAfter(RateLimitLease lease) => lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
}
