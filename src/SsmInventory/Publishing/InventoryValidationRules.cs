using SsmInventory.BuiltIn;
using SsmInventory.Metadata;

namespace SsmInventory.Publishing;

/// <summary>
/// The limits <see cref="InventoryValidator"/> checks items against. Each way of submitting inventory has its own:
/// the PutInventory API's here, and the SSM Agent's custom-inventory files where the file sink defines them.
/// </summary>
public sealed class InventoryValidationRules
{
    private InventoryValidationRules(
        string target, int maxItems, string maxItemsReason, int maxItemBytes, string maxItemBytesReason, InventoryTypeInfo[] contextTypes, string noContextReason)
    {
        Target = target;
        MaxItems = maxItems;
        MaxItemsReason = maxItemsReason;
        MaxItemBytes = maxItemBytes;
        MaxItemBytesReason = maxItemBytesReason;
        ContextTypes = contextTypes;
        NoContextReason = noContextReason;
    }

    /// <summary>
    /// The limits the service enforces on PutInventory: the model's patterns and lengths, the guide's capitalised
    /// <c>Custom:</c> TypeName, at most 20 custom types, and under 200 KB of JSON per item. Lengths are UTF-8 bytes.
    /// Besides custom types it takes <c>AWS:ComplianceItem</c> at its SchemaVersion, the type a Context is for; a Context
    /// on any other type is refused, and the Context's keys, values and entries are held to the model's limits.
    /// </summary>
    public static InventoryValidationRules PutInventory { get; } = new(
        target: "PutInventory",
        maxItems: InventoryLimits.MaxCustomTypes,
        maxItemsReason: $"an account holds at most {InventoryLimits.MaxCustomTypes} custom types, so more types can never all be accepted",
        maxItemBytes: InventoryLimits.MaxItemBytes,
        maxItemBytesReason: $"the service's quota of {InventoryLimits.MaxItemBytes / 1024} KB for one custom type; PutInventory replaces a type's whole Content, so one type cannot be spread over two requests",
        contextTypes: [AwsComplianceItemInventory.TypeInfo],
        noContextReason: $"PutInventory takes a Context only for types such as {AwsComplianceItemInventory.TypeInfo.TypeName}, never for custom types, and answers UnsupportedInventoryItemContextException otherwise");

    /// <summary>
    /// The SSM Agent's rules for custom inventory files (reference §5): the same names, versions and lengths, at most
    /// 20 files, and under 3,072 KiB of JSON per type. The file sink also checks the folder's totals.
    /// </summary>
    public static InventoryValidationRules AgentFile { get; } = new(
        target: "the SSM Agent's custom inventory folder",
        maxItems: InventoryLimits.MaxAgentFiles,
        maxItemsReason: $"the agent fails the whole inventory run when its folder holds more than {InventoryLimits.MaxAgentFiles} files",
        maxItemBytes: InventoryLimits.MaxAgentTypeBytes,
        maxItemBytesReason: $"the SSM Agent's guard of {InventoryLimits.MaxAgentTypeBytes / 1024} KiB per type, beyond which it uploads nothing",
        contextTypes: [],
        noContextReason: "an SSM Agent custom inventory file cannot carry one: it holds only SchemaVersion, TypeName and Content");

    /// <summary>What the items are submitted to, named in messages.</summary>
    internal string Target { get; }

    /// <summary>The most items (one per TypeName) a single submission can take.</summary>
    internal int MaxItems { get; }

    internal string MaxItemsReason { get; }

    /// <summary>Each item's JSON, as <see cref="InventoryJsonSize.Measure"/> counts it, must stay under this.</summary>
    internal int MaxItemBytes { get; }

    internal string MaxItemBytesReason { get; }

    /// <summary>The built-in types taken besides custom ones, at their SchemaVersion: the only types that take a Context.</summary>
    internal InventoryTypeInfo[] ContextTypes { get; }

    /// <summary>Why an item of any other type cannot carry a Context.</summary>
    internal string NoContextReason { get; }

    /// <summary>The built-in type of <paramref name="typeName"/> that takes a Context, or null.</summary>
    internal InventoryTypeInfo? ContextTypeNamed(string typeName) =>
        Array.Find(ContextTypes, type => string.Equals(type.TypeName, typeName, StringComparison.Ordinal));
}
