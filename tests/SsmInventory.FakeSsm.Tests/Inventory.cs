namespace SsmInventory.FakeSsm.Tests;

/// <summary>
/// Builders for SDK requests. Values go in through parameters rather than constants in object initializers, because the
/// SDK's own analyzer rejects invalid constant model values, and invalid values are what many tests send.
/// </summary>
internal static class Inventory
{
    public const string NodeId = "i-0123456789abcdef0";
    public const string CaptureTime = "2024-05-01T12:00:00Z";
    public const string LaterCaptureTime = "2024-05-02T08:30:00Z";

    public static InventoryItem Item(
        string typeName,
        List<Dictionary<string, string>>? content,
        string? contentHash = "hash-1",
        string schemaVersion = "1.0",
        string captureTime = CaptureTime) =>
        new()
        {
            TypeName = typeName,
            SchemaVersion = schemaVersion,
            CaptureTime = captureTime,
            ContentHash = contentHash,
            Content = content,
        };

    /// <summary>An item with Content left null, which the SDK leaves off the wire: a hash-only update.</summary>
    public static InventoryItem HashOnly(string typeName, string contentHash, string captureTime = LaterCaptureTime) =>
        Item(typeName, null, contentHash, captureTime: captureTime);

    public static Dictionary<string, string> Row(params (string Name, string Value)[] attributes) =>
        attributes.ToDictionary(a => a.Name, a => a.Value);

    public static List<Dictionary<string, string>> Rows(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Row(("Name", $"row-{i}"), ("Index", $"{i}")))];

    public static PutInventoryRequest Put(params InventoryItem[] items) => PutFor(NodeId, items);

    public static PutInventoryRequest PutFor(string instanceId, params InventoryItem[] items) =>
        new() { InstanceId = instanceId, Items = [.. items] };

    public static StoredInventoryItem Stored(string typeName, string contentHash, params Dictionary<string, string>[] rows) =>
        new(typeName, "1.0", CaptureTime, contentHash, rows);

    /// <summary>A string of <paramref name="count"/> two-byte UTF-8 characters: its byte length is twice its char length.</summary>
    public static string TwoByteChars(int count) => new('é', count);
}
