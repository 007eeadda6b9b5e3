namespace Workbench.Web.Components.Evaluations;

/// <summary>A configuration's value of one metric in one evaluation run.</summary>
public sealed record RunPoint(Guid RunId, DateTimeOffset RanAt, string Configuration, double Value);
