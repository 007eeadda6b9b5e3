using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workbench.Core.Security;

namespace Workbench.TestSupport;

/// <summary>A user a test signs in as: by the API token (automation) or the password (the sign-in page).</summary>
public sealed record TestUser(string Id, string UserName, string Token)
{
    public HttpClient Authorize(HttpClient client)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }
}

/// <summary>Accounts of a test app, created through the real user store with the real password rules.</summary>
public static class TestUsers
{
    /// <summary>The password of every test account (never a product default: the product generates the first admin's).</summary>
    public const string Password = "Test-only-Passw0rd!";

    public static async Task<TestUser> CreateAsync(IServiceProvider services, string userName, params string[] roles)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new IdentityUser(userName);
            Check(await users.CreateAsync(user, Password));
        }

        var missing = roles.Except(await users.GetRolesAsync(user)).ToList();
        if (missing.Count > 0)
        {
            Check(await users.AddToRolesAsync(user, missing));
        }

        var token = await services.GetRequiredService<ApiTokens>().CreateAsync(user.Id, "tests", null, TestActor.Instance);
        return new TestUser(user.Id, userName, token.Secret);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
