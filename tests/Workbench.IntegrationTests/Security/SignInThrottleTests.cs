namespace Workbench.IntegrationTests.Security;

/// <summary>Sign-in against password spraying: failures are counted per client address, whatever the accounts tried.</summary>
[Collection(IntegrationCollection.Name)]
public class SignInThrottleTests(IntegrationFixture fixture)
{
    [Fact]
    public async Task AnAddressWithTooManyFailedSignInsIsRefusedBeforeAnyAccountIsTried()
    {
        // An app of its own: the count is per address, and every test client shares one.
        await using var app = new WorkbenchAppFactory(fixture.Qdrant, "corpus");
        app.Overrides["Security:MaxFailedSignInsPerAddress"] = "3";
        app.Overrides["Security:BootstrapAdmin:UserName"] = "chief.admin";
        var client = app.CookieClient();

        foreach (var name in new[] { "chief.admin", "nobody", "someone" })
        {
            using var wrong = await PageSignIn.PostAsync(client, name, "not-the-password");
            Assert.Contains("Wrong user name or password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var refused = await PageSignIn.PostAsync(client, "chief.admin", TestUsers.Password);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Too many failed sign-ins from this address", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The first admin has the user name chosen at setup, and the refused attempt never reached the account.
        var admin = Assert.Single(await app.Services.GetRequiredService<UserAdministration>().ListAsync(), u => u.Roles.Contains(Roles.Admin));
        Assert.Equal("chief.admin", admin.UserName);
        Assert.Equal(1, admin.FailedSignIns);
    }
}
