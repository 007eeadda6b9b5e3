using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace Workbench.Web.Api;

/// <summary>The largest request body an endpoint accepts; bigger ones are refused with 413 before they are read.</summary>
public sealed record BodySizeLimit(long Bytes) : IRequestSizeLimitMetadata
{
    /// <summary>A question, a rating, a judgement, a reindex request: JSON far below this.</summary>
    public static BodySizeLimit Json { get; } = new(64 * 1024);

    long? IRequestSizeLimitMetadata.MaxRequestBodySize => Bytes;
}

public static class RequestLimits
{
    /// <summary>Applies each endpoint's <see cref="IRequestSizeLimitMetadata"/> to the server's body limit for the request.</summary>
    public static IApplicationBuilder UseEndpointBodyLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is not null && feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit.MaxRequestBodySize;
        }

        if (limit?.MaxRequestBodySize is { } max && context.Request.ContentLength > max)
        {
            await Results.Problem($"The request body is {context.Request.ContentLength:N0} bytes; this endpoint accepts at most {max:N0}.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large").ExecuteAsync(context);
            return;
        }

        await next();
    });
}
