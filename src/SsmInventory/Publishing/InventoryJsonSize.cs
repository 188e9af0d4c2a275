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

    // Only an item with a Context has the member.
    private static readonly int s_contextMemberBytes = ",\"Context\":".Length;

    private const int EscapedCharBytes = 6;

    /// <summary>
    /// An upper bound, in UTF-8 bytes, of the JSON the AWS SDK writes for <paramref name="item"/> in a PutInventory request.
    /// </summary>
    /// <param name="item">The item.</param>
    /// <param name="includeContent">False to measure a hash-only update, which is sent without its Content.</param>
    /// <exception cref="ArgumentNullException"><paramref name="item"/> is null.</exception>
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
        if (item.Context.Count > 0)
        {
            size += s_contextMemberBytes + ObjectBytes(item.Context);
        }

        return includeContent ? size + ContentBytes(item.Rows) : size - s_contentMemberBytes;
    }

    /// <summary>The bytes of <c>[{"name":"value",...},...]</c>.</summary>
    private static long ContentBytes(List<Dictionary<string, string>> content)
    {
        long size = 2 + Math.Max(0, content.Count - 1);
        foreach (Dictionary<string, string> row in content)
        {
            size += ObjectBytes(row);
        }

        return size;
    }

    /// <summary>The bytes of <c>{"name":"value",...}</c>, a row or the Context.</summary>
    private static long ObjectBytes(IReadOnlyDictionary<string, string> attributes)
    {
        long size = 2 + Math.Max(0, attributes.Count - 1);
        foreach (KeyValuePair<string, string> attribute in attributes)
        {
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
