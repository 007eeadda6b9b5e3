using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Telemetry;

namespace Workbench.ComponentTests.Operations;

public class OperationsPageTests : ComponentTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static AskSample Ask(int minutesAgo, int totalMs, int chatMs, bool abstained = false, bool failed = false) => new(
        Now.AddMinutes(-minutesAgo), $"trace{totalMs}", "default v1", TimeSpan.FromMilliseconds(totalMs),
        new Dictionary<string, TimeSpan>
        {
            [WorkbenchTelemetry.Stages.Embeddings] = TimeSpan.FromMilliseconds(20),
            [WorkbenchTelemetry.Stages.Chat] = TimeSpan.FromMilliseconds(chatMs),
        },
        abstained, failed);

    [Fact]
    public void TheLastHoursAsksShowAsCountsRatesPercentilesAndTheSlowestBrokenDownByStage()
    {
        var monitor = new OperationsMonitor(new FixedTime(Now));
        monitor.Record(Ask(90, 9_000, 8_000));
        monitor.Record(Ask(30, 100, 50));
        monitor.Record(Ask(20, 200, 150, abstained: true));
        monitor.Record(Ask(10, 300, 250, failed: true));
        monitor.Record(Ask(1, 1_000, 900));
        Services.AddSingleton(monitor);

        var cut = Render<Workbench.Web.Components.Pages.Operations>();

        // The ask from 90 minutes ago is outside the hour.
        Assert.Contains("4", cut.Find("#ops-asks").TextContent);
        Assert.Contains("0.13", cut.Find("#ops-throughput").TextContent);
        Assert.Contains("25 %", cut.Find("#ops-abstentions").TextContent);
        Assert.Contains("1", cut.Find("#ops-errors").TextContent);
        var total = cut.Find("#ops-latency tr[data-stage='total']").TextContent;
        Assert.Contains("200 ms", total);
        Assert.Contains("1,000 ms", total);
        Assert.DoesNotContain("9,000", cut.Markup);
        Assert.Contains("900 ms", cut.Find("#ops-latency tr[data-stage='chat']").TextContent);
        var slowest = cut.FindAll("#ops-slowest tbody tr");
        Assert.Equal(4, slowest.Count);
        Assert.Contains("1,000 ms", slowest[0].TextContent);
        Assert.Contains("trace1000", slowest[0].TextContent);
        Assert.Contains("error", slowest[1].TextContent);
    }

    [Fact]
    public void WithNoAskInTheHourItSaysSo()
    {
        Services.AddSingleton(new OperationsMonitor(new FixedTime(Now)));

        var cut = Render<Workbench.Web.Components.Pages.Operations>();

        Assert.Contains("No question has been asked", cut.Find("#ops-empty").TextContent);
        Assert.Empty(cut.FindAll("#ops-latency"));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
