namespace Workbench.Core.Security;

/// <summary>What the audit trail records. Kebab-case strings, so exports read without a legend.</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string QuestionAsked = "question-asked";
    public const string AnswerRated = "answer-rated";
    public const string CampaignCreated = "campaign-created";
    public const string CampaignClosed = "campaign-closed";
    public const string CampaignRetried = "campaign-retried";
    public const string CampaignRaterAdded = "campaign-rater-added";
    public const string CampaignRatersExcluded = "campaign-raters-excluded";
    public const string JudgementSubmitted = "judgement-submitted";
    public const string DocumentUploaded = "document-uploaded";
    public const string ReindexStarted = "reindex-started";
    public const string ReindexCancelled = "reindex-cancelled";
    public const string UserCreated = "user-created";
    public const string RolesChanged = "roles-changed";
    public const string UserLocked = "user-locked";
    public const string UserUnlocked = "user-unlocked";
    public const string PasswordReset = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string TokenCreated = "token-created";
    public const string TokenRevoked = "token-revoked";
    public const string AuditExported = "audit-exported";
    public const string BackupCreated = "backup-created";
    public const string BackupFailed = "backup-failed";
    public const string BackupRestored = "backup-restored";
    public const string AllowListChanged = "allow-list-changed";
}
