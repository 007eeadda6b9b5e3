namespace Workbench.Core.Answering;

/// <summary>Where the focused composer looks for the kind of content a question asks for.</summary>
public enum TypeMatch
{
    /// <summary>Anywhere or nowhere: the question's type is not checked.</summary>
    None,

    /// <summary>The chosen document's title or a heading of its passages.</summary>
    Labels,

    /// <summary>Its title, a heading, or one of the quoted sentences.</summary>
    LabelsOrText,
}
