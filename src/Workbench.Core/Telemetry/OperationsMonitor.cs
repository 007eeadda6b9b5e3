using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Workbench.Core.Telemetry;

/// <summary>One finished ask as the Operations page sees it: when, how long in total and in each stage, and how it ended.</summary>
public sealed record AskSample(DateTimeOffset EndedAt, string TraceId, string? Pipeline, TimeSpan Duration, IReadOnlyDictionary<string, TimeSpan> Stages, bool Abstained, bool Failed);

/// <summary>Latency percentiles of one stage (or of the whole ask) over the window.</summary>
public sealed record LatencyPercentiles(string Stage, int Count, TimeSpan P50, TimeSpan P95, TimeSpan P99);

/// <summary>The last hour of asks on this instance, summarised.</summary>
public sealed record OperationsSnapshot(
    DateTimeOffset From, DateTimeOffset To, int Asks, int Abstentions, int Errors, double AsksPerMinute, IReadOnlyList<LatencyPercentiles> Latency, IReadOnlyList<AskSample> Slowest)
{
    public double AbstentionRate => Asks == 0 ? 0 : (double)Abstentions / Asks;
}

/// <summary>
/// Keeps the last hour of asks in memory from the workbench's own spans (an <see cref="ActivityListener"/>,
/// so it works with no exporter and no collector), for the admin Operations page. Holds durations, stage
/// names, outcomes and trace ids only, the same attribute-free view the spans give a collector. It listens
/// from the host's start.
/// </summary>
public sealed class OperationsMonitor(TimeProvider time) : IHostedService, IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>A bound on memory whatever the load: at 10,000 asks an hour the oldest go first.</summary>
    private const int Capacity = 10_000;

    private const string StagesProperty = "workbench.operations.stages";
    private const int SlowestShown = 5;

    private readonly Queue<AskSample> samples = new();
    private readonly Lock gate = new();
    private ActivityListener? listener;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WorkbenchTelemetry.Name,
            // All data, so the stages' spans exist to be measured even when nothing exports them.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(listener);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Record(AskSample sample)
    {
        lock (gate)
        {
            samples.Enqueue(sample);
            while (samples.Count > Capacity || samples.Peek().EndedAt < sample.EndedAt - Window)
            {
                samples.Dequeue();
            }
        }
    }

    public OperationsSnapshot Snapshot()
    {
        var to = time.GetUtcNow();
        var from = to - Window;
        List<AskSample> recent;
        lock (gate)
        {
            recent = samples.Where(s => s.EndedAt >= from).ToList();
        }

        var latency = new List<LatencyPercentiles> { Percentiles("total", recent.Select(s => s.Duration)) };
        latency.AddRange(WorkbenchTelemetry.Stages.All
            .Select(stage => Percentiles(stage, recent.Where(s => s.Stages.ContainsKey(stage)).Select(s => s.Stages[stage])))
            .Where(p => p.Count > 0));
        var minutes = recent.Count == 0 ? 1 : Math.Max(1, (to - recent.Min(s => s.EndedAt)).TotalMinutes);
        return new OperationsSnapshot(from, to, recent.Count, recent.Count(s => s.Abstained), recent.Count(s => s.Failed), recent.Count / minutes,
            latency, recent.OrderByDescending(s => s.Duration).Take(SlowestShown).ToList());
    }

    private static LatencyPercentiles Percentiles(string stage, IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        return new LatencyPercentiles(stage, sorted.Count, Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99));
    }

    /// <summary>The nearest-rank percentile: a duration some ask really took.</summary>
    private static TimeSpan Rank(List<TimeSpan> sorted, double percentile) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Count) - 1, 0, sorted.Count - 1)];

    private void Stopped(Activity activity)
    {
        if (activity.OperationName == WorkbenchTelemetry.Spans.Ask)
        {
            var stages = activity.GetCustomProperty(StagesProperty) as Dictionary<string, TimeSpan> ?? [];
            lock (stages)
            {
                Record(new AskSample(time.GetUtcNow(), activity.TraceId.ToString(), activity.GetTagItem(WorkbenchTelemetry.Attributes.Pipeline) as string, activity.Duration,
                    new Dictionary<string, TimeSpan>(stages), activity.GetTagItem(WorkbenchTelemetry.Attributes.Abstained) is true, activity.Status == ActivityStatusCode.Error));
            }

            return;
        }

        if (activity.GetTagItem(WorkbenchTelemetry.Attributes.Stage) is not string stage || AskOf(activity) is not { } ask)
        {
            return;
        }

        var recorded = ask.GetCustomProperty(StagesProperty) as Dictionary<string, TimeSpan>;
        if (recorded is null)
        {
            recorded = [];
            ask.SetCustomProperty(StagesProperty, recorded);
        }

        lock (recorded)
        {
            recorded[stage] = recorded.GetValueOrDefault(stage) + activity.Duration;
        }
    }

    private static Activity? AskOf(Activity activity)
    {
        for (var parent = activity.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.OperationName == WorkbenchTelemetry.Spans.Ask)
            {
                return parent;
            }
        }

        return null;
    }

    public void Dispose() => listener?.Dispose();
}
