using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>An item on its way to the service, and whether it goes as a hash-only update.</summary>
internal sealed class PendingItem(InventoryItemData item, bool hashOnly)
{
    public InventoryItemData Item { get; } = item;

    public string TypeName => Item.TypeName;

    /// <summary>True while the service is believed to hold this Content already, so only its ContentHash is sent.</summary>
    public bool HashOnly { get; set; } = hashOnly;

    /// <summary>The item's bytes in a request body.</summary>
    public long JsonBytes => InventoryJsonSize.Measure(Item, includeContent: !HashOnly);
}
