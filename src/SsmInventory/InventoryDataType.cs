namespace SsmInventory;

/// <summary>The DataType of an attribute in the schema, as GetInventorySchema reports it.</summary>
public enum InventoryDataType
{
    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>number</c>: every integer type, <see cref="float"/>, <see cref="double"/> and <see cref="decimal"/>.</summary>
    Number,
}
