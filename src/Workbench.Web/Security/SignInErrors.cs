namespace Workbench.Web.Security;

/// <summary>
/// Why a sign-in through an external provider did not complete, as a code in the sign-in page's address.
/// The page shows only these fixed texts, never text taken from the address (which anyone can link to).
/// </summary>
public static class SignInErrors
{
    public const string Incomplete = "incomplete";
    public const string NoAccount = "no-account";
    public const string Locked = "locked";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [Incomplete] = "The external sign-in did not complete; try again.",
        [NoAccount] = "No account could be created for this external user (the name is missing or already taken by a local account); ask an admin.",
        [Locked] = "This account is locked; ask an admin.",
    };

    /// <summary>The text for a code; any other code gets the text for an incomplete sign-in.</summary>
    public static string? Describe(string? code) => code is null ? null : Messages.GetValueOrDefault(code, Messages[Incomplete]);
}
