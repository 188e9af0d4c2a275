using System.Text.Json;

namespace SsmInventory.Sample;

/// <summary>
/// Writes the body of an SSM PutInventory request, with the service model's PascalCase member names.
/// Utf8JsonWriter needs no reflection, so this works unchanged when trimmed or compiled with native AOT.
/// </summary>
internal static class PutInventoryRequestJson
{
    // The service model's InventoryItemList takes 1 to 30 items per call.
    private const int MaxItemsPerRequest = 30;

    /// <summary>Writes <c>{"InstanceId": ..., "Items": [...]}</c>.</summary>
    /// <exception cref="ArgumentException">There are no items, or more than one request takes.</exception>
    public static void Write(Utf8JsonWriter writer, string instanceId, IReadOnlyCollection<InventoryItemData> items)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count is 0 or > MaxItemsPerRequest)
        {
            throw new ArgumentException(
                $"PutInventory takes 1 to {MaxItemsPerRequest} items, not {items.Count}; split them over several requests.",
                nameof(items));
        }

        writer.WriteStartObject();
        writer.WriteString("InstanceId", instanceId);
        writer.WriteStartArray("Items");
        foreach (InventoryItemData item in items)
        {
            WriteItem(writer, item);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes one element of the request's <c>Items</c>.</summary>
    private static void WriteItem(Utf8JsonWriter writer, InventoryItemData item)
    {
        writer.WriteStartObject();
        writer.WriteString("TypeName", item.TypeName);
        writer.WriteString("SchemaVersion", item.SchemaVersion);
        writer.WriteString("CaptureTime", item.CaptureTime);
        writer.WriteString("ContentHash", item.ContentHash);

        // Written even when empty: "Content": [] is how a sender clears the type's rows on the node.
        writer.WriteStartArray("Content");
        foreach (IReadOnlyDictionary<string, string> row in item.Content)
        {
            writer.WriteStartObject();
            foreach ((string name, string value) in row)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
