using Microsoft.AspNetCore.Http;
using SsmInventory.FakeSsm.Operations;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.RateLimiting;

namespace SsmInventory.FakeSsm.Http;

/// <summary>
/// Handles one HTTP request: takes the next fault, waits out the latency, checks the signature scheme and the
/// PutInventory rate limit, routes, records, answers. The request is recorded before the answer is sent, so a caller that has its answer always finds its request
/// in the log.
/// </summary>
internal sealed class SsmEndpoint(
    OperationRouter router, FaultQueue faults, RequestLog log, TimeSpan latency, TokenBucket? putInventoryLimit, CancellationToken stopping)
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private const string PutInventoryTarget = "AmazonSSM.PutInventory";

    public async Task HandleAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var fault = faults.TakeNext();
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, stopping);
        }

        if (fault is DelayFault delay)
        {
            // Not cancelled when the client gives up: like a real server, the slow request is still processed.
            await Task.Delay(delay.Duration, stopping);
        }

        if (fault is ConnectionResetFault)
        {
            Abort(context, target, body);
            return;
        }

        var response = fault is ErrorFault error ? SsmResponse.Error(error.ToException())
            : !IsSigned(context.Request) ? SsmResponse.Error(SsmErrors.MissingAuthentication())
            : OverRateLimit(target) ? SsmResponse.Error(ErrorFault.Throttling.ToException())
            : router.Route(target, body);
        if (fault is ResetAfterStoringFault)
        {
            Abort(context, target, body);
            return;
        }

        log.Add(target, HeadBytes(context.Request), body, response.StatusCode, response.ErrorType);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = response.Body.Length;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.Body.WriteAsync(response.Body, stopping);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    /// <summary>
    /// The request line and headers as HTTP/1.1 text: <c>METHOD target PROTOCOL</c>, each header value on its own
    /// <c>Name: value</c> line, CRLF line ends and the empty line. Header text is Latin-1, one byte per character.
    /// </summary>
    private static int HeadBytes(HttpRequest request)
    {
        var bytes = request.Method.Length + 1 + request.Path.ToUriComponent().Length + request.QueryString.ToUriComponent().Length + 1 + request.Protocol.Length + 2;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                bytes += name.Length + 2 + (value?.Length ?? 0) + 2;
            }
        }

        return bytes + 2;
    }

    /// <summary>Takes a token for a PutInventory call; true when there was none, so the call is throttled.</summary>
    private bool OverRateLimit(string target) =>
        putInventoryLimit is not null && target == PutInventoryTarget && !putInventoryLimit.TryTake();

    /// <summary>The signature is not verified; only a request the SDK did not sign at all is refused.</summary>
    private static bool IsSigned(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256", StringComparison.Ordinal);

    private void Abort(HttpContext context, string target, byte[] body)
    {
        log.Add(target, HeadBytes(context.Request), body, 0, null);
        context.Abort();
    }
}
