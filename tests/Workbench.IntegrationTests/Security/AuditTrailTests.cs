using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Workbench.Core.Persistence;

namespace Workbench.IntegrationTests.Security;

[Collection(IntegrationCollection.Name)]
public class AuditTrailTests(IntegrationFixture fixture)
{
    private AuditTrail Trail => fixture.Services.GetRequiredService<AuditTrail>();

    [Fact]
    public async Task QuestionsRatingsAndRoleChangesAreRecordedWithWhoAndWhatAndCanBeExported()
    {
        const string Question = "How often should adults at average risk be screened for colorectal cancer? (audit check)";
        using var asked = await fixture.Clinician.PostAsJsonAsync("/api/ask", new { question = Question });
        var answerId = (await asked.Content.ReadFromJsonAsync<JsonObject>())!["answerId"]!.GetValue<string>();
        (await fixture.Clinician.PostAsJsonAsync($"/api/answers/{answerId}/ratings", new { score = 2, flags = new[] { "incomplete" } })).EnsureSuccessStatusCode();
        await fixture.App.UserAsync("auditee", Roles.Clinician);
        using var roles = await fixture.Admin.PutAsJsonAsync("/api/admin/users/auditee/roles", new { roles = new[] { "evaluator" } });
        Assert.Equal(HttpStatusCode.NoContent, roles.StatusCode);

        var question = Assert.Single((await Trail.QueryAsync(new AuditQuery(Actor: "clinician", Action: AuditActions.QuestionAsked))).Events, e => e.Target == answerId);
        Assert.Equal(Question, question.Detail);
        Assert.Equal("api", question.Channel);
        var rating = Assert.Single((await Trail.QueryAsync(new AuditQuery(Actor: "CLINICIAN", Action: AuditActions.AnswerRated))).Events, e => e.Target == answerId);
        Assert.Contains("score 2", rating.Detail, StringComparison.Ordinal);
        var change = Assert.Single((await Trail.QueryAsync(new AuditQuery(Action: AuditActions.RolesChanged))).Events, e => e.Target == "auditee");
        Assert.Equal("admin", change.Actor);
        Assert.Equal("Clinician → Evaluator", change.Detail);
        Assert.Equal(["Evaluator"], (await fixture.Services.GetRequiredService<UserAdministration>().ListAsync()).Single(u => u.UserName == "auditee").Roles);

        var csv = await fixture.Admin.GetStringAsync("/api/admin/audit.csv?actor=clinician");
        Assert.StartsWith("id,at,actor,channel,action,target,detail", csv, StringComparison.Ordinal);
        Assert.Contains(Question, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("auditee", csv, StringComparison.Ordinal);
        var json = JsonNode.Parse(await fixture.Admin.GetStringAsync($"/api/admin/audit.json?action={AuditActions.RolesChanged}"))!.AsArray();
        Assert.Contains(json, e => e!["target"]!.GetValue<string>() == "auditee");
        Assert.True((await Trail.QueryAsync(new AuditQuery(Actor: "admin", Action: AuditActions.AuditExported))).Total >= 2);

        // The trail is for admins only.
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.Evaluator.GetAsync("/api/admin/audit.csv")).StatusCode);
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAnEntry()
    {
        await Trail.RecordAsync(TestActor.Instance, AuditActions.SignIn, "tamper-check");
        await using var db = await fixture.Services.GetRequiredService<IDbContextFactory<WorkbenchDbContext>>().CreateDbContextAsync();
        var count = await db.AuditEvents.CountAsync();

        var update = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("UPDATE AuditEvents SET Actor = 'someone else' WHERE Target = 'tamper-check'"));
        var delete = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM AuditEvents"));

        Assert.Contains("append-only", update.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.Message, StringComparison.Ordinal);
        Assert.Equal(count, await db.AuditEvents.CountAsync());
        Assert.Equal("test", (await db.AuditEvents.SingleAsync(e => e.Target == "tamper-check")).Actor);
    }
}
