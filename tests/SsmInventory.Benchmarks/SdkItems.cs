using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Publishing;

namespace SsmInventory.Benchmarks;

/// <summary>The naive way to hand an item to the SDK: as it is, always with full Content.</summary>
public static class SdkItems
{
    public static InventoryItem From(InventoryItemData item) => new()
    {
        TypeName = item.TypeName,
        SchemaVersion = item.SchemaVersion,
        CaptureTime = item.CaptureTime,
        ContentHash = item.ContentHash,
        Content = item.Content,
    };
}
