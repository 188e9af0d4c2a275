using System.Globalization;
using System.Text.Json;
using SsmInventory.Metadata;

namespace SsmInventory.Aws.State;

/// <summary>
/// An item the service has not accepted yet. When the service rejected it for a reason that sending the same item again
/// cannot fix, <see cref="RejectedErrorCode"/> says so: it is then kept and reported, but not sent until a newer item of
/// its type replaces it.
/// </summary>
internal sealed class SpoolEntry
{
    public SpoolEntry(InventoryItemData item, string? rejectedErrorCode = null, string? rejectedReason = null)
    {
        Item = item;
        RejectedErrorCode = rejectedErrorCode;
        RejectedReason = rejectedReason;
    }

    public InventoryItemData Item { get; }

    public string? RejectedErrorCode { get; }

    public string? RejectedReason { get; }

    public bool IsRejected => RejectedErrorCode is not null;

    /// <summary>Writes the entry as a JSON object, with the item in PutInventory's member names.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("TypeName", Item.TypeName);
        writer.WriteString("SchemaVersion", Item.SchemaVersion);
        writer.WriteString("CaptureTime", Item.CaptureTime);
        writer.WriteString("ContentHash", Item.ContentHash);
        writer.WriteStartArray("Content");
        foreach (IReadOnlyDictionary<string, string> row in Item.Content)
        {
            WriteObject(writer, row);
        }

        writer.WriteEndArray();
        if (Item.Context.Count > 0)
        {
            writer.WritePropertyName("Context");
            WriteObject(writer, Item.Context);
        }

        if (RejectedErrorCode is not null)
        {
            writer.WriteString("RejectedErrorCode", RejectedErrorCode);
            writer.WriteString("RejectedReason", RejectedReason);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an entry back, rebuilding the item with its original CaptureTime and checking its ContentHash.</summary>
    /// <exception cref="JsonException">The element is not a spool entry, or its content does not match its hash.</exception>
    public static SpoolEntry Read(JsonElement root)
    {
        var content = new List<Dictionary<string, string>>();
        foreach (JsonElement row in root.GetProperty("Content").EnumerateArray())
        {
            content.Add(ReadObject(row));
        }

        DateTimeOffset captured = DateTimeOffset.ParseExact(
            RequiredString(root.GetProperty("CaptureTime")), InventoryValue.AwsDateTimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        // Create computes the hash again from the rows, which proves the file holds what was spooled.
        InventoryItemData item = InventoryItemData.Create(
            RequiredString(root.GetProperty("TypeName")), RequiredString(root.GetProperty("SchemaVersion")), content, new FixedTime(captured));
        if (!string.Equals(item.ContentHash, RequiredString(root.GetProperty("ContentHash")), StringComparison.Ordinal))
        {
            throw new JsonException("The spooled content does not match its ContentHash.");
        }

        if (root.TryGetProperty("Context", out JsonElement context))
        {
            item = item.WithContext(ReadObject(context));
        }

        return root.TryGetProperty("RejectedErrorCode", out JsonElement code)
            ? new SpoolEntry(item, RequiredString(code), RequiredString(root.GetProperty("RejectedReason")))
            : new SpoolEntry(item);
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, string> attributes)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, string> attribute in attributes)
        {
            writer.WriteString(attribute.Key, attribute.Value);
        }

        writer.WriteEndObject();
    }

    private static Dictionary<string, string> ReadObject(JsonElement element)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty attribute in element.EnumerateObject())
        {
            attributes.Add(attribute.Name, RequiredString(attribute.Value));
        }

        return attributes;
    }

    private static string RequiredString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw new JsonException($"Expected a string, found {element.ValueKind}.");

    /// <summary>A clock stopped at the spooled item's CaptureTime.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
