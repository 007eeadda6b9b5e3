using Grpc.Core;
using Grpc.Core.Interceptors;
using Workbench.Core.Telemetry;

namespace Workbench.Core.Retrieval.Qdrant;

/// <summary>
/// Turns every failed Qdrant call into a <see cref="PassageIndexException"/> (or, when the caller
/// cancelled, an <see cref="OperationCanceledException"/>) and counts it by gRPC status: above the seam
/// nothing knows that Qdrant speaks gRPC. Installed on the client's channel, so no call can bypass it.
/// </summary>
public sealed class QdrantErrorTranslation : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(
            TranslatedAsync(call.ResponseAsync, context.Options.CancellationToken), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    private static async Task<TResponse> TranslatedAsync<TResponse>(Task<TResponse> response, CancellationToken cancellationToken)
    {
        try
        {
            return await response;
        }
        catch (RpcException ex)
        {
            throw Translate(ex, cancellationToken);
        }
    }

    private static Exception Translate(RpcException ex, CancellationToken cancellationToken)
    {
        if (ex.StatusCode == StatusCode.Cancelled)
        {
            return new OperationCanceledException("The Qdrant call was cancelled.", ex, cancellationToken);
        }

        WorkbenchTelemetry.QdrantErrors.Add(1, new KeyValuePair<string, object?>(WorkbenchTelemetry.Attributes.GrpcStatus, (int)ex.StatusCode));
        return ex.StatusCode switch
        {
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown =>
                new PassageIndexUnavailableException($"Qdrant is not reachable ({ex.StatusCode}: {ex.Status.Detail}).", ex),
            StatusCode.NotFound => new PassageIndexNotFoundException($"Qdrant has no such collection ({ex.Status.Detail}).", ex),
            _ => new PassageIndexRejectedException($"Qdrant refused the request ({ex.StatusCode}): {ex.Status.Detail}", ex),
        };
    }
}
