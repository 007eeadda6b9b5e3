namespace Workbench.Web.Security;

public static class FirstAdmin
{
    /// <summary>
    /// Creates the admin account of a new installation. A generated password is written to the console
    /// once, never to the log; it cannot be shown again (an admin can reset passwords on the Users page).
    /// </summary>
    public static async Task EnsureFirstAdminAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (await services.GetRequiredService<UserAdministration>().EnsureAdminAsync(cancellationToken) is not { } created)
        {
            return;
        }

        Console.WriteLine(created.GeneratedPassword is { } password
            ? $"""

               ==================================================================
                First admin account created. This is shown only once:
                  user name: {created.UserName}
                  password:  {password}
                Sign in at /account/login and change it (account menu).
               ==================================================================

               """
            : $"First admin account '{created.UserName}' created with the configured password.");
    }
}
