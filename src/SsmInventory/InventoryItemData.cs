using System.Globalization;
using SsmInventory.Metadata;

namespace SsmInventory;

/// <summary>
/// One inventory item as PutInventory takes it: TypeName, SchemaVersion, CaptureTime, ContentHash and Content.
/// The core library has no AWS SDK dependency; the AWS package converts this to the SDK's <c>InventoryItem</c>.
/// </summary>
public sealed class InventoryItemData
{
    private InventoryItemData(string typeName, string schemaVersion, string captureTime, string contentHash, List<Dictionary<string, string>> content)
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        CaptureTime = captureTime;
        ContentHash = contentHash;
        Content = content;
    }

    /// <summary>The SSM TypeName, such as <c>Custom:Certificate</c>.</summary>
    public string TypeName { get; }

    /// <summary>The SchemaVersion, such as <c>1.0</c>.</summary>
    public string SchemaVersion { get; }

    /// <summary>When the data was captured: <c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC, whole seconds.</summary>
    public string CaptureTime { get; }

    /// <summary>Base64 MD5 of the Content, byte-identical to the SSM Agent's (see <see cref="InventoryContentHash"/>).</summary>
    public string ContentHash { get; }

    /// <summary>The rows; an empty list clears the type's rows on the node.</summary>
    public List<Dictionary<string, string>> Content { get; }

    /// <summary>Builds an item from typed values.</summary>
    /// <param name="typeInfo">The generated metadata, such as <c>CertificateInventory.TypeInfo</c>.</param>
    /// <param name="values">The rows' values; an empty sequence makes an item that clears the type.</param>
    /// <param name="timeProvider">The clock for CaptureTime; <see cref="TimeProvider.System"/> when null.</param>
    public static InventoryItemData Create<T>(InventoryTypeInfo<T> typeInfo, IEnumerable<T> values, TimeProvider? timeProvider = null)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        return Create(typeInfo.TypeName, typeInfo.SchemaVersion, typeInfo.WriteContent(values), timeProvider);
    }

    /// <summary>Builds an item from prebuilt rows.</summary>
    /// <exception cref="ArgumentException">The SchemaVersion is not <c>major.minor</c>, the clock is outside the years
    /// the service accepts, or the content holds a character the SSM Agent's hash cannot agree on.</exception>
    public static InventoryItemData Create(string typeName, string schemaVersion, List<Dictionary<string, string>> content, TimeProvider? timeProvider = null)
    {
        if (typeName is null)
        {
            throw new ArgumentNullException(nameof(typeName));
        }

        if (!InventoryRules.IsValidSchemaVersion(schemaVersion))
        {
            throw new ArgumentException(
                $"SchemaVersion of {typeName} must be two numbers of 1 to 6 digits separated by a dot, such as \"1.0\".",
                nameof(schemaVersion));
        }

        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        string captureTime = FormatCaptureTime((timeProvider ?? TimeProvider.System).GetUtcNow());
        return new InventoryItemData(typeName, schemaVersion, captureTime, InventoryContentHash.Compute(content), content);
    }

    /// <summary>Formats an instant as a CaptureTime: UTC, truncated to whole seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 2000-2099, which the service rejects.</exception>
    public static string FormatCaptureTime(DateTimeOffset instant)
    {
        DateTime utc = instant.UtcDateTime;
        if (utc.Year < InventoryLimits.MinCaptureTimeYear || utc.Year > InventoryLimits.MaxCaptureTimeYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(instant),
                $"CaptureTime must fall in the years {InventoryLimits.MinCaptureTimeYear}-{InventoryLimits.MaxCaptureTimeYear} (UTC); the clock says {utc.Year.ToString(CultureInfo.InvariantCulture)}. Check the system clock or the TimeProvider.");
        }

        return utc.ToString(InventoryValue.AwsDateTimeFormat, CultureInfo.InvariantCulture);
    }
}
