using System.Text;

namespace SsmInventory.AgentFiles;

/// <summary>
/// The bytes of a custom inventory file: <c>{"SchemaVersion":"1.0","TypeName":"Custom:X","Content":[…]}</c>, UTF-8
/// without BOM. The Content is written exactly as the SSM Agent marshals it for its ContentHash, so the hash the agent
/// computes from the file equals the item's <see cref="InventoryItemData.ContentHash"/>.
/// </summary>
internal static class AgentFileFormat
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static byte[] Serialize(InventoryItemData item)
    {
        using var stream = new MemoryStream();
        Write(stream, "{\"SchemaVersion\":");
        WriteString(stream, item.SchemaVersion);
        Write(stream, ",\"TypeName\":");
        WriteString(stream, item.TypeName);
        Write(stream, ",\"Content\":");

        // The agent rejects a file whose Content is null, which is how its hash input writes an empty list.
        if (item.Rows.Count == 0)
        {
            Write(stream, "[]");
        }
        else
        {
            InventoryContentHash.WriteHashedBytes(item.Rows, stream);
        }

        Write(stream, "}");
        return stream.ToArray();
    }

    private static void Write(Stream stream, string ascii)
    {
        byte[] bytes = s_utf8.GetBytes(ascii);
        stream.Write(bytes, 0, bytes.Length);
    }

    // TypeName and SchemaVersion have been validated (no control characters), so only quotes and backslashes need escaping.
    private static void WriteString(Stream stream, string value) =>
        Write(stream, "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"");
}
