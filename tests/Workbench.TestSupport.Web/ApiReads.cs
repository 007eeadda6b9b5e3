using System.Net.Http.Json;
using Workbench.Web.Api;

namespace Workbench.TestSupport.Web;

/// <summary>Responses of the REST API read as its own records, with its JSON settings.</summary>
public static class ApiReads
{
    public static async Task<T> GetApiAsync<T>(this HttpClient client, string path) =>
        await client.GetFromJsonAsync<T>(path, ApiJson.Options) ?? throw new InvalidOperationException($"{path} returned null");

    public static async Task<T> ReadApiAsync<T>(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(ApiJson.Options) ?? throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} returned null");
}
