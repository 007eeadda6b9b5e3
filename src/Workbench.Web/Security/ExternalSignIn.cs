using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;

namespace Workbench.Web.Security;

/// <summary>
/// Completes a sign-in through the external OpenID Connect provider: the first time, a local account is
/// created and linked to the provider's subject; every time, the roles the provider asserts (if it
/// asserts any) replace the local ones, so role management can stay in the provider.
/// </summary>
public sealed partial class ExternalSignIn(
    SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IOptions<OpenIdConnectSettings> settings, AuditTrail audit, ILogger<ExternalSignIn> logger)
{
    /// <summary>Null when signed in; otherwise why not, as one of the <see cref="SignInErrors"/> codes.</summary>
    public async Task<string?> CompleteAsync(CancellationToken cancellationToken)
    {
        if (await signIn.GetExternalLoginInfoAsync() is not { } info)
        {
            return SignInErrors.Incomplete;
        }

        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            var name = LocalName(info.Principal);
            if (name is null || await users.FindByNameAsync(name) is not null)
            {
                // Never link to an existing local account by name: that would let the provider take it over.
                return SignInErrors.NoAccount;
            }

            user = new IdentityUser(name) { Email = info.Principal.FindFirstValue("email") };
            var created = await users.CreateAsync(user);
            created = created.Succeeded ? await users.AddLoginAsync(user, info) : created;
            if (!created.Succeeded)
            {
                logger.LogWarning("An account for an external sign-in could not be created: {Errors}", string.Join(" ", created.Errors.Select(e => e.Code)));
                return SignInErrors.NoAccount;
            }

            await audit.RecordAsync(new Actor(user.Id, name, Actor.PagesChannel), AuditActions.UserCreated, name, $"through {info.ProviderDisplayName ?? info.LoginProvider}", cancellationToken);
        }

        if (await users.IsLockedOutAsync(user))
        {
            return SignInErrors.Locked;
        }

        var asserted = info.Principal.FindAll(settings.Value.RoleClaim).Select(c => c.Value)
            .Select(v => Roles.TryNormalise(v, out var role) ? role : null).OfType<string>().Distinct().ToList();
        if (info.Principal.HasClaim(c => c.Type == settings.Value.RoleClaim))
        {
            var current = await users.GetRolesAsync(user);
            if (!current.ToHashSet().SetEquals(asserted))
            {
                await users.RemoveFromRolesAsync(user, current.Except(asserted));
                await users.AddToRolesAsync(user, asserted.Except(current));
                await audit.RecordAsync(Actor.System, AuditActions.RolesChanged, user.UserName, $"{string.Join(", ", current)} → {string.Join(", ", asserted)} (from {info.LoginProvider})", cancellationToken);
            }
        }

        await signIn.SignInAsync(user, isPersistent: false, info.LoginProvider);
        await audit.RecordAsync(new Actor(user.Id, user.UserName!, Actor.PagesChannel), AuditActions.SignIn, user.UserName, $"through {info.ProviderDisplayName ?? info.LoginProvider}", cancellationToken);
        return null;
    }

    private string? LocalName(ClaimsPrincipal principal)
    {
        var raw = principal.FindFirstValue(settings.Value.UserNameClaim) ?? principal.FindFirstValue("email");
        if (raw is null)
        {
            return null;
        }

        var name = NotAllowed().Replace(raw, "-");
        return name.Length is >= 2 and <= 64 ? name : null;
    }

    [GeneratedRegex("[^A-Za-z0-9._@+-]")]
    private static partial Regex NotAllowed();
}
