using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Web.Api;

/// <summary>How the REST API writes and reads JSON; clients in .NET (the tests) read responses with the same settings.</summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        // Enums are read by name only: a number would bind to any value, defined or not.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        return options;
    }
}
