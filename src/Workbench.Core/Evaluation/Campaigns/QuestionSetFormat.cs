namespace Workbench.Core.Evaluation.Campaigns;

public enum QuestionSetFormat
{
    /// <summary>One question per line; blank lines are skipped.</summary>
    Lines,

    /// <summary>CSV with a header row that has a <c>question</c> column.</summary>
    Csv,

    /// <summary>One JSON object per line with a <c>question</c> string.</summary>
    Jsonl,

    /// <summary>PubMedQA's <c>ori_pqal.json</c>: an object keyed by PMID whose values have a <c>QUESTION</c>.</summary>
    PubMedQa,
}
