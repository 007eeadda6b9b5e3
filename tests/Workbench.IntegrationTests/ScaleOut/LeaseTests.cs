using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workbench.Core.Hosting;
using Workbench.IntegrationTests.Persistence;

namespace Workbench.IntegrationTests.ScaleOut;

/// <summary>The background-work lease on a real SQLite file, with a clock the test moves.</summary>
public sealed class LeaseTests : SqliteFileTest
{
    private readonly MovableClock clock = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task OneInstanceHoldsTheLeaseUntilItExpiresOrIsReleased()
    {
        var first = Instance();
        var second = Instance();

        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        Assert.False(await second.TryAcquireAsync(CancellationToken.None));

        // Renewed before it expires: still the first's.
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await first.TryAcquireAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(await second.TryAcquireAsync(CancellationToken.None));

        // The first stops renewing (it died): once the lease runs out the second takes it, and the first cannot take it back.
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await second.TryAcquireAsync(CancellationToken.None));
        Assert.False(await first.TryAcquireAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentAttemptsOnAFreeLeaseLetExactlyOneWin()
    {
        var instances = Enumerable.Range(0, 8).Select(_ => Instance()).ToList();

        var won = await Task.WhenAll(instances.Select(i => i.TryAcquireAsync(CancellationToken.None)));

        Assert.Single(won, w => w);
    }

    private BackgroundLeadership Instance() =>
        new(Contexts, clock, Options.Create(new ScaleOutOptions { LeaseSeconds = 30 }), NullLogger<BackgroundLeadership>.Instance);

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
