using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Publishing;

namespace SsmInventory.Benchmarks;

/// <summary>The naive way to hand an item to the SDK: always with full Content, in the SDK's mutable rows.</summary>
public static class SdkItems
{
    public static InventoryItem From(InventoryItemData item) => new()
    {
        TypeName = item.TypeName,
        SchemaVersion = item.SchemaVersion,
        CaptureTime = item.CaptureTime,
        ContentHash = item.ContentHash,
        Content = [.. item.Content.Select(row => new Dictionary<string, string>(row))],
    };
}
