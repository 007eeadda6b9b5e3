using System.Text.RegularExpressions;

namespace Workbench.Core.Answering.Verification;

/// <summary>
/// Spots passage text that reads as an instruction to a language model ("ignore the previous
/// instructions", "you are now…", "system prompt"). Such a passage is still only data to the composer;
/// this only lets admins see it, because it means someone tried to steer answers through the corpus.
/// </summary>
public static partial class InstructionDetector
{
    [GeneratedRegex(
        @"\b(ignore|disregard|forget|override)\s+(all\s+|any\s+|the\s+|your\s+)?(previous|prior|above|earlier|preceding|system)\s+(instructions?|prompts?|rules?|messages?)\b" +
        @"|\byou\s+are\s+now\b|\bact\s+as\s+(an?|the)\b|\bsystem\s+prompt\b|\bnew\s+instructions?\s*:|\brespond\s+only\s+with\b|\bdo\s+not\s+cite\b|<\s*/?\s*(system|assistant|user)\s*>",
        RegexOptions.IgnoreCase)]
    private static partial Regex Instruction();

    public static bool LooksLikeInstruction(string text) => Instruction().IsMatch(text);
}
