namespace Workbench.Web.Components.Shared;

/// <summary>One line of a page's shortcut list: the keys as shown (e.g. "Ctrl+Enter") and what they do.</summary>
public sealed record KeyboardShortcut(string Keys, string Action);
