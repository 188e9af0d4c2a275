using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>
/// Sends hand-written bodies, for what the SDK cannot send: bodies of an exact byte size, malformed JSON, unsigned requests.
/// The Authorization header only has to look like SigV4, because the fake does not verify signatures.
/// </summary>
internal sealed class RawSsmClient(Uri serviceUrl) : IDisposable
{
    public const string FakeSignature = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240501/us-east-1/ssm/aws4_request, SignedHeaders=host, Signature=00";

    private readonly HttpClient _http = new();

    public async Task<RawResponse> SendAsync(string operation, string json, string? authorization = FakeSignature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, serviceUrl)
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.Add("X-Amz-Target", $"AmazonSSM.{operation}");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new RawResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, JsonDocument.Parse(body).RootElement.Clone());
    }

    public void Dispose() => _http.Dispose();
}

internal sealed record RawResponse(HttpStatusCode Status, string? ContentType, JsonElement Body)
{
    public string? ErrorType => Body.TryGetProperty("__type", out var type) ? type.GetString() : null;

    public string? Member(string name) => Body.TryGetProperty(name, out var value) ? value.GetString() : null;
}

/// <summary>Hand-written PutInventory JSON of an exact UTF-8 size, made of rows <c>{"A":"xxx…"}</c> of ASCII values.</summary>
internal static class SizedJson
{
    private const int MaxValueBytes = 4000;
    private const int RowOverhead = 8; // {"A":""}

    public static string Item(string typeName, int bytes)
    {
        var empty = Wrap(typeName, "");
        var rowBytes = bytes - empty.Length;
        var rowCount = (rowBytes + MaxValueBytes + RowOverhead + 1) / (MaxValueBytes + RowOverhead + 1);
        var valueBytes = rowBytes - (rowCount * RowOverhead) - (rowCount - 1);
        var rows = Enumerable.Range(0, rowCount)
            .Select(i => $$"""{"A":"{{new string('x', (valueBytes / rowCount) + (i < valueBytes % rowCount ? 1 : 0))}}"}""");
        var item = Wrap(typeName, string.Join(',', rows));
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(item));
        return item;
    }

    /// <summary>A request of exactly <paramref name="bytes"/>, split evenly over <paramref name="itemCount"/> items Custom:Big1, Custom:Big2, …</summary>
    public static string Request(string instanceId, int itemCount, int bytes)
    {
        var overhead = Encoding.UTF8.GetByteCount(Body(instanceId, "")) + itemCount - 1;
        var itemBytes = bytes - overhead;
        var items = Enumerable.Range(0, itemCount)
            .Select(i => Item($"Custom:Big{i + 1}", (itemBytes / itemCount) + (i < itemBytes % itemCount ? 1 : 0)));
        var request = Body(instanceId, string.Join(',', items));
        Assert.Equal(bytes, Encoding.UTF8.GetByteCount(request));
        return request;
    }

    public static string Body(string instanceId, string items) => $$"""{"InstanceId":"{{instanceId}}","Items":[{{items}}]}""";

    private static string Wrap(string typeName, string rows) =>
        $$"""{"TypeName":"{{typeName}}","SchemaVersion":"1.0","CaptureTime":"2024-05-01T12:00:00Z","Content":[{{rows}}]}""";
}
