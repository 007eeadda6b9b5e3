namespace Workbench.Core.Answering;

/// <summary>
/// An OpenAI-compatible chat endpoint (Azure OpenAI, OpenAI, Ollama, vLLM, LM Studio). When no endpoint
/// is set the embedded extractive composer answers.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Llm";

    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Further attempts after a failed call (server error, rate limit, network), waiting 0.5 s, 1 s, 2 s… between them.</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"Llm:Endpoint '{Endpoint}' is not an absolute URL.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Llm:Model is required when Llm:Endpoint is set.", [nameof(Model)]);
        }
    }
}
