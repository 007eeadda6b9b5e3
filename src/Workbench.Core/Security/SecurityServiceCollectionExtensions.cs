using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Workbench.Core.Hosting;
using Workbench.Core.Persistence;

namespace Workbench.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>The append-only audit trail and API tokens, which every feature records through or is called with.</summary>
    public static IServiceCollection AddAuditAndTokens(this IServiceCollection services)
    {
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<ApiTokens>();
        return services;
    }

    /// <summary>
    /// Accounts (ASP.NET Core Identity's user and role stores in the application database), the password
    /// and lockout rules, API tokens, user administration and the data-protection key ring. The web host adds sign-in on top.
    /// </summary>
    public static IdentityBuilder AddWorkbenchUsers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddSingleton<UserAdministration>();
        services.AddSingleton<KeyRingStore>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<SecurityOptions>>((identity, security) =>
        {
            identity.Password.RequiredLength = security.Value.MinPasswordLength;
            identity.Lockout.MaxFailedAccessAttempts = security.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(security.Value.LockoutMinutes);
            identity.Lockout.AllowedForNewUsers = true;
            identity.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._@+-";
        });
        return services.AddIdentityCore<IdentityUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<WorkbenchDbContext>();
    }
}
