namespace SsmInventory.Publishing;

/// <summary>
/// The size of an item as JSON in a PutInventory request, the measure the service's size quotas (200 KB per item,
/// 1 MB per call) are checked against by this library.
/// </summary>
/// <remarks>
/// The AWS SDK for .NET writes request bodies with System.Text.Json's default escaping: every non-ASCII UTF-16 unit
/// becomes a six-byte <c>\uXXXX</c>, as do control characters and <c>" &amp; ' + &lt; &gt; `</c>. The count here
/// reproduces that, which is also the worst case of any JSON encoding of the same strings, so a size measured here
/// is never below what the SDK, the service or the SSM Agent counts.
/// </remarks>
public static class InventoryJsonSize
{
    // Everything in an item's JSON besides its five strings and the Content array.
    private static readonly int s_itemFramingBytes = "{\"CaptureTime\":,\"Content\":,\"ContentHash\":,\"SchemaVersion\":,\"TypeName\":}".Length;

    // Left out of a hash-only update.
    private static readonly int s_contentMemberBytes = ",\"Content\":".Length;

    private const int EscapedCharBytes = 6;

    /// <summary>
    /// An upper bound, in UTF-8 bytes, of the JSON the AWS SDK writes for <paramref name="item"/> in a PutInventory request.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="includeContent">False to measure a hash-only update, which is sent without its Content.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
    /// <exception cref="ArgumentException">The item's Content holds a null row, name or value.</exception>
    public static long Measure(InventoryItemData item, bool includeContent = true)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        long size = s_itemFramingBytes
            + StringBytes(item.CaptureTime)
            + StringBytes(item.ContentHash)
            + StringBytes(item.SchemaVersion)
            + StringBytes(item.TypeName);
        return includeContent ? size + ContentBytes(item.Content) : size - s_contentMemberBytes;
    }

    /// <summary>The bytes of <c>[{"name":"value",...},...]</c>.</summary>
    private static long ContentBytes(IReadOnlyList<IReadOnlyDictionary<string, string>> content)
    {
        long size = 2 + Math.Max(0, content.Count - 1);
        for (int row = 0; row < content.Count; row++)
        {
            IReadOnlyDictionary<string, string> attributes = content[row]
                ?? throw new ArgumentException($"Row {row} of the content is null.", nameof(content));
            size += RowBytes(attributes);
        }

        return size;
    }

    /// <summary>The bytes of <c>{"name":"value",...}</c>.</summary>
    private static long RowBytes(IReadOnlyDictionary<string, string> row)
    {
        long size = 2 + Math.Max(0, row.Count - 1);
        foreach (KeyValuePair<string, string> attribute in row)
        {
            if (attribute.Value is null)
            {
                throw new ArgumentException("An attribute value is null; attribute values are strings.", nameof(row));
            }

            size += StringBytes(attribute.Key) + 1 + StringBytes(attribute.Value);
        }

        return size;
    }

    /// <summary>The bytes of <paramref name="value"/> as a quoted JSON string.</summary>
    private static long StringBytes(string value)
    {
        long size = 2;
        foreach (char c in value)
        {
            size += c switch
            {
                '\\' or '\b' or '\f' or '\n' or '\r' or '\t' => 2,
                '"' or '&' or '\'' or '+' or '<' or '>' or '`' => EscapedCharBytes,
                >= ' ' and < '\u007F' => 1,
                _ => EscapedCharBytes,
            };
        }

        return size;
    }
}
