using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace Workbench.Web.Security;

/// <summary>The signed-in user of a page (its circuit), for ownership, the audit trail and checks inside component actions.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    public async Task<ClaimsPrincipal> PrincipalAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Actor> ActorAsync() => (await PrincipalAsync()).ToActor(Actor.PagesChannel);

    public async Task<bool> IsAllowedAsync(string policy) => (await authorization.AuthorizeAsync(await PrincipalAsync(), policy)).Succeeded;
}
