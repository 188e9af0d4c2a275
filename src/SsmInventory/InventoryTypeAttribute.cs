namespace SsmInventory;

/// <summary>
/// Marks a class, record, struct or record struct as an SSM custom inventory type. The source generator emits a
/// static <c>{Name}Inventory</c> class beside it whose <c>TypeInfo</c> turns instances into SSM Content rows and back.
/// </summary>
/// <example><code>[InventoryType("Custom:Certificate", "1.0")] public sealed record Certificate(string Subject, DateTime NotAfter);</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class InventoryTypeAttribute : Attribute
{
    /// <summary>Declares the inventory type.</summary>
    /// <param name="typeName">The SSM TypeName, such as <c>Custom:Certificate</c>.</param>
    /// <param name="schemaVersion">The SchemaVersion, <c>major.minor</c> with 1 to 6 digits each, such as <c>1.0</c>.</param>
    public InventoryTypeAttribute(string typeName, string schemaVersion)
    {
        TypeName = typeName;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The SSM TypeName.</summary>
    public string TypeName { get; }

    /// <summary>The SchemaVersion.</summary>
    public string SchemaVersion { get; }

    /// <summary>
    /// The most rows an item of this type will hold (0, the default, declares no bound). With it, and with every
    /// property's size bounded, the analyzers prove at build time that an item stays under the service's 200 KB and
    /// 10,000-row limits.
    /// </summary>
    public int MaxRows { get; set; }
}
