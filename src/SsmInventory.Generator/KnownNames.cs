namespace SsmInventory.Generator;

/// <summary>Metadata names of the runtime library's attributes and types, as the generator and analyzers look them up.</summary>
internal static class KnownNames
{
    public const string InventoryTypeAttribute = "SsmInventory.InventoryTypeAttribute";
    public const string InventoryNameAttribute = "SsmInventory.InventoryNameAttribute";
    public const string InventoryIgnoreAttribute = "SsmInventory.InventoryIgnoreAttribute";
    public const string InventoryFormatAttribute = "SsmInventory.InventoryFormatAttribute";
    public const string InventoryConverterAttribute = "SsmInventory.InventoryConverterAttribute";
    public const string InventoryConstructorAttribute = "SsmInventory.InventoryConstructorAttribute";
    public const string InventoryConverter = "SsmInventory.InventoryConverter`1";
}
