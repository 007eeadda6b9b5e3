namespace Workbench.Core.Domain;

/// <summary>A document as read from the corpus, before chunking. <see cref="Id"/> is stable across reindexes.</summary>
public sealed record SourceDocument(string Id, DocumentMetadata Metadata, IReadOnlyList<DocumentSection> Sections);

/// <summary>A run of text under one heading; chunks never cross a section boundary.</summary>
public sealed record DocumentSection(string Heading, string Text);
