using Workbench.Core.Evaluation.Campaigns;
using Workbench.Core.Indexing;
using Workbench.Web.Api;

namespace Workbench.TestSupport.Web;

/// <summary>Waits on the REST API for background work (reindex jobs, campaign generation) to reach a state.</summary>
public static class ApiPolling
{
    /// <summary>The job once it reached <paramref name="until"/> or ended (anything but queued or running).</summary>
    public static Task<ReindexJobResponse> WaitForJobAsync(HttpClient client, Guid id, ReindexStatus? until = null) =>
        PollAsync(
            async () => (await client.GetApiAsync<AdminApi.JobWithProgress>($"/api/admin/jobs/{id}")).Job,
            job => job.Status == until || job.Status is not (ReindexStatus.Queued or ReindexStatus.Running),
            job => job.Status,
            $"job {id}");

    /// <summary>The campaign once its answers are generated and it is open for scoring.</summary>
    public static Task<CampaignResponse> WaitForOpenCampaignAsync(HttpClient client, Guid id) =>
        PollAsync(
            () => client.GetApiAsync<CampaignResponse>($"/api/campaigns/{id}"),
            campaign => campaign.Status == CampaignStatus.Open,
            campaign => campaign.Status,
            $"campaign {id}");

    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done, Func<T, object> status, string what)
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
                throw new TimeoutException($"{what} was still {status(state)} after two minutes.");
            }

            await Task.Delay(100);
        }
    }
}
