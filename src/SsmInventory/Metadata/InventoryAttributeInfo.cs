namespace SsmInventory.Metadata;

/// <summary>One attribute of an inventory type's schema, in the shape of GetInventorySchema's <c>Attributes</c>.</summary>
public sealed class InventoryAttributeInfo
{
    /// <summary>Creates the attribute description.</summary>
    public InventoryAttributeInfo(string name, InventoryDataType dataType)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        DataType = dataType;
    }

    /// <summary>The SSM attribute name.</summary>
    public string Name { get; }

    /// <summary>The attribute's DataType.</summary>
    public InventoryDataType DataType { get; }

    /// <summary>The DataType as the service spells it: <c>string</c> or <c>number</c>.</summary>
    public string DataTypeName => DataType == InventoryDataType.Number ? "number" : "string";

    /// <inheritdoc />
    public override string ToString() => Name + ": " + DataTypeName;
}
