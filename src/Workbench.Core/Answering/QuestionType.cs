namespace Workbench.Core.Answering;

/// <summary>What a question asks for, which decides which section of a document answers it best.</summary>
public enum QuestionType
{
    General,
    Definition,
    Causes,
    Symptoms,
    Diagnosis,
    Treatment,
    Outlook,
    Prevention,
    Dose,
    Inheritance,
    Frequency,
    Genetics,

    /// <summary>A yes/no question about a finding ("Does X improve Y?"): answered by results, not background.</summary>
    Finding,
}
