using System.Collections.ObjectModel;
using System.Globalization;
using SsmInventory.Metadata;

namespace SsmInventory;

/// <summary>
/// One inventory item as PutInventory takes it: TypeName, SchemaVersion, CaptureTime, ContentHash, Content and Context.
/// An item is immutable: it owns its rows, so its ContentHash always matches them. The core library has no AWS SDK
/// dependency; the AWS package converts this to the SDK's <c>InventoryItem</c>.
/// </summary>
public sealed class InventoryItemData
{
    private const int MaxDisplayedNameLength = 80;

    private static readonly IReadOnlyDictionary<string, string> s_noContext = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    // Made on first use, since an item sent as a hash-only update never needs them.
    private IReadOnlyList<IReadOnlyDictionary<string, string>>? _content;

    private InventoryItemData(
        string typeName, string schemaVersion, string captureTime, string contentHash, List<Dictionary<string, string>> rows, IReadOnlyDictionary<string, string> context)
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        CaptureTime = captureTime;
        ContentHash = contentHash;
        Rows = rows;
        Context = context;
    }

    /// <summary>The SSM TypeName, such as <c>Custom:Certificate</c>.</summary>
    public string TypeName { get; }

    /// <summary>The SchemaVersion, such as <c>1.0</c>.</summary>
    public string SchemaVersion { get; }

    /// <summary>When the data was captured: <c>yyyy-MM-ddTHH:mm:ssZ</c>, UTC, whole seconds.</summary>
    public string CaptureTime { get; }

    /// <summary>Base64 MD5 of the Content, byte-identical to the SSM Agent's (see <see cref="InventoryContentHash"/>).</summary>
    public string ContentHash { get; }

    /// <summary>The rows, read-only; an empty list clears the type's rows on the node.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Content => Volatile.Read(ref _content) ?? CreateContentView();

    /// <summary>
    /// The item's Context, read-only; empty when it has none. Only types such as <c>AWS:ComplianceItem</c> take one, never
    /// <c>Custom:</c> types; see <see cref="WithContext"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Context { get; }

    /// <summary>
    /// The rows the item owns, for the library's own readers, which never change them. Never handed out: users get the
    /// read-only views of <see cref="Content"/>.
    /// </summary>
    internal List<Dictionary<string, string>> Rows { get; }

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

        // WriteContent's rows are new and nobody else holds them, so the item takes them as they are.
        return FromOwnedRows(typeInfo.TypeName, typeInfo.SchemaVersion, typeInfo.WriteContent(values), timeProvider);
    }

    /// <summary>Builds an item from prebuilt rows, which it copies: changing them afterwards does not change the item.</summary>
    /// <param name="typeName">The SSM TypeName, such as <c>Custom:Certificate</c>.</param>
    /// <param name="schemaVersion">The SchemaVersion, such as <c>1.0</c>.</param>
    /// <param name="content">The rows; an empty list makes an item that clears the type.</param>
    /// <param name="timeProvider">The clock for CaptureTime; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">The SchemaVersion is not <c>major.minor</c>, the clock is outside the years
    /// the service accepts, or a row, name or value is null or a row holds a name twice.</exception>
    public static InventoryItemData Create(string typeName, string schemaVersion, IReadOnlyList<IReadOnlyDictionary<string, string>> content, TimeProvider? timeProvider = null)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var rows = new List<Dictionary<string, string>>(content.Count);
        for (int r = 0; r < content.Count; r++)
        {
            rows.Add(Copy(content[r], r));
        }

        return FromOwnedRows(typeName, schemaVersion, rows, timeProvider);
    }

    /// <summary>
    /// This item with <paramref name="context"/> as its Context, which it copies; the rows are shared, not copied. An
    /// empty dictionary removes the Context.
    /// </summary>
    /// <remarks>
    /// PutInventory takes a Context only for types such as <c>AWS:ComplianceItem</c> and refuses one on <c>Custom:</c>
    /// types; SSM Agent custom inventory files cannot carry one. <see cref="Publishing.InventoryValidator"/> reports both,
    /// and the limits of the keys and values, before anything is sent.
    /// </remarks>
    /// <exception cref="ArgumentException">A key or value is null, or a key appears twice.</exception>
    public InventoryItemData WithContext(IReadOnlyDictionary<string, string> context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        Dictionary<string, string> copy = Copy(context, rowIndex: null);
        foreach (KeyValuePair<string, string> entry in copy)
        {
            if (entry.Value is null)
            {
                throw new ArgumentException(
                    $"Context key {MessageText.Quote(entry.Key, MaxDisplayedNameLength)}: the value is null. Context values are strings; leave the key out instead.",
                    nameof(context));
            }
        }

        return new InventoryItemData(TypeName, SchemaVersion, CaptureTime, ContentHash, Rows, copy.Count == 0 ? s_noContext : new ReadOnlyDictionary<string, string>(copy));
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

    /// <summary>Builds an item that owns <paramref name="rows"/>, which nothing else may hold.</summary>
    private static InventoryItemData FromOwnedRows(string typeName, string schemaVersion, List<Dictionary<string, string>> rows, TimeProvider? timeProvider)
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

        string captureTime = FormatCaptureTime((timeProvider ?? TimeProvider.System).GetUtcNow());
        return new InventoryItemData(typeName, schemaVersion, captureTime, InventoryContentHash.Compute(rows), rows, s_noContext);
    }

    /// <summary>
    /// A copy of one of the caller's rows (<paramref name="rowIndex"/>), or of the Context (null). Null values are left
    /// for the caller to report: for rows, the hash does, naming the row and attribute.
    /// </summary>
    private static Dictionary<string, string> Copy(IReadOnlyDictionary<string, string>? source, int? rowIndex)
    {
        if (source is Dictionary<string, string> dictionary)
        {
            // With the same comparer, .NET copies the entries as they are, without hashing the names again.
            return new Dictionary<string, string>(dictionary, dictionary.Comparer);
        }

        if (source is null)
        {
            throw InventoryContentHash.NullRow(rowIndex!.Value);
        }

        var copy = new Dictionary<string, string>(source.Count);
        foreach (KeyValuePair<string, string> pair in source)
        {
            if (pair.Key is null)
            {
                throw CopyProblem(rowIndex, "has an attribute whose name is null.");
            }

            int before = copy.Count;
            copy[pair.Key] = pair.Value;
            if (copy.Count == before)
            {
                throw CopyProblem(rowIndex, $"holds the attribute {MessageText.Quote(pair.Key, MaxDisplayedNameLength)} twice. Keep one of them.");
            }
        }

        return copy;
    }

    private static ArgumentException CopyProblem(int? rowIndex, string problem) =>
        rowIndex is null ? new($"The Context {problem}", "context") : new($"Row {rowIndex} {problem}", "content");

    private IReadOnlyList<IReadOnlyDictionary<string, string>> CreateContentView()
    {
        var views = new IReadOnlyDictionary<string, string>[Rows.Count];
        for (int i = 0; i < views.Length; i++)
        {
            views[i] = new ReadOnlyDictionary<string, string>(Rows[i]);
        }

        // Two threads may both get here; every caller sees the first view stored.
        return Interlocked.CompareExchange(ref _content, Array.AsReadOnly(views), null) ?? _content!;
    }
}
