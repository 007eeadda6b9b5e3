using Workbench.Core.Domain;

namespace Workbench.Core.Answering;

public sealed record AskRequest(string Question, int? TopK = null, SearchFilters? Filters = null);
