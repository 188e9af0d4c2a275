using System.Text;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.Validation;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>The service's own PutInventory checks that need nothing stored (table §3 of the reference); they run after model validation.</summary>
internal static class InventoryRules
{
    public const string CustomPrefix = "Custom:";
    public const int MaxItemBytes = 200 * 1024;
    public const int MaxRequestBytes = 1024 * 1024;
    public const int MaxCustomTypes = 20;

    public static void Check(IReadOnlyList<ReceivedItem> items, int bodyBytes)
    {
        foreach (var item in items)
        {
            CheckTypeName(item);
            CheckContext(item);
            CheckAttributeNameCase(item);
            if (item.WireBytes > MaxItemBytes)
            {
                throw SsmErrors.ItemSizeLimitExceeded(item.TypeName, item.WireBytes, MaxItemBytes);
            }
        }

        if (bodyBytes > MaxRequestBytes)
        {
            throw SsmErrors.TotalSizeLimitExceeded(bodyBytes, MaxRequestBytes);
        }
    }

    /// <summary>
    /// An <c>AWS:</c> type must be a built-in one at its version. Per the guide, a custom name starts with a capital letter
    /// after the colon; like the project's analyzer, only A-Z counts, the strictest reading of an unverified rule.
    /// </summary>
    private static void CheckTypeName(ReceivedItem item)
    {
        if (item.IsCustom)
        {
            if (item.TypeName.Length == CustomPrefix.Length || item.TypeName[CustomPrefix.Length] is not (>= 'A' and <= 'Z'))
            {
                throw SsmErrors.InvalidTypeName(item.TypeName);
            }

            return;
        }

        if (!KnownAwsTypes.TryGetVersion(item.TypeName, out var version))
        {
            throw SsmErrors.InvalidTypeName(item.TypeName);
        }

        if (item.SchemaVersion != version)
        {
            throw SsmErrors.UnsupportedSchemaVersion(item.TypeName, item.SchemaVersion, version);
        }
    }

    /// <summary>
    /// A Context only on the built-in types that take one (never a custom type), with keys and values within the model's
    /// lengths for attribute names and values.
    /// </summary>
    private static void CheckContext(ReceivedItem item)
    {
        if (item.Context is not { Count: > 0 } context)
        {
            return;
        }

        if (!KnownAwsTypes.TakesContext(item.TypeName))
        {
            throw SsmErrors.UnsupportedContext(item.TypeName);
        }

        foreach (var (key, value) in context)
        {
            var keyBytes = Encoding.UTF8.GetByteCount(key);
            if (keyBytes is < 1 or > PutInventoryModel.MaxAttributeNameBytes)
            {
                throw SsmErrors.InvalidContext(item.TypeName, $"the key '{key}' is {keyBytes} bytes, not 1 to {PutInventoryModel.MaxAttributeNameBytes}");
            }

            if (value is null || Encoding.UTF8.GetByteCount(value) > PutInventoryModel.MaxAttributeValueBytes)
            {
                throw SsmErrors.InvalidContext(
                    item.TypeName, $"the value of '{key}' is {(value is null ? "null" : $"over {PutInventoryModel.MaxAttributeValueBytes} bytes")}");
            }
        }
    }

    /// <summary>Names are case-insensitive but must be spelled the same way in every row of the item.</summary>
    private static void CheckAttributeNameCase(ReceivedItem item)
    {
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in item.Content?.SelectMany(row => row.Keys) ?? [])
        {
            if (!spellings.TryAdd(name, name) && spellings[name] != name)
            {
                throw SsmErrors.InvalidItemContent(item.TypeName, spellings[name], name);
            }
        }
    }
}
