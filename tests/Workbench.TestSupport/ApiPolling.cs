using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workbench.TestSupport;

/// <summary>Waits on the REST API for background work (reindex jobs, campaign generation) to reach a state.</summary>
public static class ApiPolling
{
    /// <summary>The job once it reached <paramref name="until"/> or ended (anything but queued or running).</summary>
    public static Task<JsonObject> WaitForJobAsync(HttpClient client, string id, string? until = null) =>
        PollAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>($"/api/admin/jobs/{id}"))!["job"]!.AsObject(),
            job => job["status"]!.GetValue<string>() is var status && (status == until || status is not ("queued" or "running")),
            $"job {id}");

    /// <summary>The campaign once its answers are generated and it is open for scoring.</summary>
    public static Task<JsonObject> WaitForOpenCampaignAsync(HttpClient client, string id) =>
        PollAsync(
            async () => (await client.GetFromJsonAsync<JsonObject>($"/api/campaigns/{id}"))!,
            campaign => campaign["status"]!.GetValue<string>() == "open",
            $"campaign {id}");

    private static async Task<JsonObject> PollAsync(Func<Task<JsonObject>> read, Func<JsonObject, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var state = await read();
            if (done(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} was still {state["status"]} after two minutes.");
            }

            await Task.Delay(100);
        }
    }
}
