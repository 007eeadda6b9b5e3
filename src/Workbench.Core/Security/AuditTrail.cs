using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Ingestion.Uploads;
using Workbench.Core.Persistence;
using Workbench.Core.Text;

namespace Workbench.Core.Security;

public sealed record AuditEvent(long Id, DateTimeOffset At, string Actor, string Channel, string Action, string? Target, string? Detail);

/// <summary>Filters for reading the trail; times are inclusive, text filters match exactly (actor ignoring case).</summary>
public sealed record AuditQuery(DateTimeOffset? From = null, DateTimeOffset? To = null, string? Actor = null, string? Action = null, int Skip = 0, int Take = 100);

public sealed record AuditPage(IReadOnlyList<AuditEvent> Events, int Total);

/// <summary>
/// The append-only record of who did what: sign-ins, questions (their text, never passages), ratings,
/// campaign actions, uploads, reindexing, user and role changes. There is no way to change or delete an
/// entry from the application, and the database refuses it too (triggers on the table).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<WorkbenchDbContext> contexts, TimeProvider time)
{
    public const int MaxDetailLength = 4000;
    public const int MaxExport = 100_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task RecordAsync(Actor actor, string action, string? target = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(Entry(actor, action, target, detail));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>An entry to save together with the change it records (one transaction: both or neither).</summary>
    internal AuditEventEntity Entry(Actor actor, string action, string? target, string? detail) => new()
    {
        AtUtc = time.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        Actor = Clip(actor.Name, 256)!,
        Channel = actor.Channel,
        Action = action,
        Target = Clip(target, 256),
        Detail = Clip(detail, MaxDetailLength),
    };

    public Task RecordAsync(Actor actor, UploadResult upload, CancellationToken cancellationToken = default) =>
        RecordAsync(actor, AuditActions.DocumentUploaded, upload.FileName, $"{upload.Outcome}: {upload.Message}", cancellationToken);

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditEvents.AsNoTracking();
        if (query.From is { } from)
        {
            rows = rows.Where(e => e.AtUtc >= from.UtcDateTime);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(e => e.AtUtc <= to.UtcDateTime);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToUpperInvariant();
            rows = rows.Where(e => e.Actor.ToUpper() == actor);
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(e => e.Action == query.Action.Trim());
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(e => e.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxExport))
            .ToListAsync(cancellationToken);
        return new AuditPage(page.Select(e => new AuditEvent(e.Id, StoredTime.Utc(e.AtUtc), e.Actor, e.Channel, e.Action, e.Target, e.Detail)).ToList(), total);
    }

    public static string ToCsv(IEnumerable<AuditEvent> events)
    {
        var csv = new StringBuilder();
        Csv.Row(csv, ["id", "at", "actor", "channel", "action", "target", "detail"]);
        foreach (var e in events)
        {
            Csv.Row(csv, [e.Id.ToString(CultureInfo.InvariantCulture), e.At.ToString("O", CultureInfo.InvariantCulture), e.Actor, e.Channel, e.Action, e.Target ?? string.Empty, e.Detail ?? string.Empty]);
        }

        return csv.ToString();
    }

    public static string ToJson(IEnumerable<AuditEvent> events) => JsonSerializer.Serialize(events, Json);

    private static string? Clip(string? value, int length) => value is null || value.Length <= length ? value : value[..(length - 1)] + "…";
}
