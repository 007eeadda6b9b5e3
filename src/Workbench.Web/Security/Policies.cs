namespace Workbench.Web.Security;

/// <summary>
/// Authorization policies, one per role, each granted by that role and the roles above it. Every page
/// and endpoint names one of these, or is explicitly anonymous (the authorization matrix test checks).
/// </summary>
public static class Policies
{
    /// <summary>Ask, rate, read one's own answers, manage one's API tokens.</summary>
    public const string Clinician = Roles.Clinician;

    /// <summary>Also campaigns, scoring, results and the evaluations page.</summary>
    public const string Evaluator = Roles.Evaluator;

    /// <summary>Also uploads, reindexing, users and the audit trail.</summary>
    public const string Admin = Roles.Admin;
}
