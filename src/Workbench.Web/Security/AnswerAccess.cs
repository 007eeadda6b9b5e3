using Microsoft.AspNetCore.Authorization;
using Workbench.Core.Answering;

namespace Workbench.Web.Security;

/// <summary>A clinician reads and rates their own answers; evaluators and admins any answer.</summary>
public static class AnswerAccess
{
    public static async Task<bool> CanReadAsync(ClaimsPrincipal user, StoredAnswer answer, IAuthorizationService authorization) =>
        (answer.AskedByUserId is not null && answer.AskedByUserId == user.UserId())
        || (await authorization.AuthorizeAsync(user, Policies.Evaluator)).Succeeded;
}
