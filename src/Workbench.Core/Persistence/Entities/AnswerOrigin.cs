namespace Workbench.Core.Persistence;

public enum AnswerOrigin
{
    Ask = 0,
    Campaign = 1,
}
