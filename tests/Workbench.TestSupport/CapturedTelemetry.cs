using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Workbench.TestSupport;

/// <summary>
/// What an app exports through OpenTelemetry, kept in memory: spans and metrics through the in-memory
/// exporter, and each log record as the text of everything it carries (records are pooled and reused
/// once exported, so they are read when they end).
/// </summary>
public sealed class CapturedTelemetry
{
    public ConcurrentList<Activity> Spans { get; } = new();

    public ConcurrentList<MetricSnapshot> Metrics { get; } = new();

    public ConcurrentList<string> LogRecords { get; } = new();

    public void AddTo(IServiceCollection services) =>
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(Spans))
            .WithMetrics(metrics => metrics.AddInMemoryExporter(Metrics))
            .WithLogging(logging => logging.AddProcessor(new LogText(LogRecords)));

    /// <summary>Every string a span carries: its name, attribute values, events (names and attributes) and status.</summary>
    public static IEnumerable<string> TextOf(Activity span) =>
        new[] { span.DisplayName, span.OperationName, span.StatusDescription }
            .Concat(span.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => $"{tag.Key}={tag.Value}").Append(e.Name)))
            .Concat(span.Baggage.Select(item => $"{item.Key}={item.Value}"))
            .OfType<string>();

    private sealed class LogText(ConcurrentList<string> records) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data) =>
            records.Add(string.Join(" | ", new[] { $"trace={data.TraceId}", data.CategoryName, data.Body, data.FormattedMessage, data.Exception?.ToString() }
                .Concat(data.Attributes?.Select(a => $"{a.Key}={a.Value}") ?? [])
                .OfType<string>()));
    }
}

/// <summary>A collection exporters may add to from any thread while a test reads it.</summary>
public sealed class ConcurrentList<T> : ICollection<T>
{
    private readonly ConcurrentQueue<T> items = new();

    public int Count => items.Count;

    public bool IsReadOnly => false;

    public void Add(T item) => items.Enqueue(item);

    public void Clear() => items.Clear();

    public bool Contains(T item) => items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

    public bool Remove(T item) => throw new NotSupportedException("Captured telemetry is only added to.");

    public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
