using System.Text.Json;

namespace SsmInventory.FakeSsm.Http;

/// <summary>Every request received, with a tolerant summary of its body, so that even malformed requests are recorded.</summary>
internal sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<RecordedRequest> _requests = [];

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_lock)
        {
            return [.. _requests];
        }
    }

    public void Add(string target, int headBytes, ReadOnlyMemory<byte> body, int statusCode, string? errorType)
    {
        var (instanceId, items) = Summarize(body);
        var request = new RecordedRequest(target, instanceId, headBytes, body.Length, items, statusCode, errorType);
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    private static (string? InstanceId, IReadOnlyList<RecordedItem> Items) Summarize(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, []);
            }

            var items = root.TryGetProperty("Items", out var wireItems) && wireItems.ValueKind == JsonValueKind.Array
                ? wireItems.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(Summarize).ToList()
                : [];
            return (StringMember(root, "InstanceId"), items);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static RecordedItem Summarize(JsonElement item)
    {
        var hasContent = item.TryGetProperty("Content", out var content) && content.ValueKind == JsonValueKind.Array;
        return new RecordedItem(
            StringMember(item, "TypeName") ?? "",
            hasContent,
            hasContent ? content.GetArrayLength() : 0,
            StringMember(item, "ContentHash"),
            item.TryGetProperty("Context", out var context) && context.ValueKind == JsonValueKind.Object
                ? context.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.String).ToDictionary(entry => entry.Name, entry => entry.Value.GetString()!)
                : null);
    }

    private static string? StringMember(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
