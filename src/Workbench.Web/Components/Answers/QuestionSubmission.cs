namespace Workbench.Web.Components.Answers;

/// <summary>What the question form hands to the page: the question and its optional filters.</summary>
public sealed record QuestionSubmission(string Question, int TopK, SearchFilters Filters);
