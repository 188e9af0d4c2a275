using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>An item on its way to the service, whether it goes as a hash-only update, and whether it is spooled.</summary>
internal sealed class PendingItem(InventoryItemData item, bool hashOnly)
{
    public InventoryItemData Item { get; } = item;

    public string TypeName => Item.TypeName;

    /// <summary>True while the service is believed to hold this Content already, so only its ContentHash is sent.</summary>
    public bool HashOnly { get; set; } = hashOnly;

    /// <summary>
    /// True once the item is in the spool. Full Content is spooled before it is sent; a hash-only update only when it
    /// replaces an older spooled item of its type (a failed one is kept at the end of the publish).
    /// </summary>
    public bool Spooled { get; set; }

    /// <summary>The item's bytes in a request body.</summary>
    public long JsonBytes => InventoryJsonSize.Measure(Item, includeContent: !HashOnly);

    /// <summary>The item as the SDK sends it, in collections of its own, since the SDK takes mutable ones.</summary>
    public InventoryItem ToSdk() => new()
    {
        TypeName = Item.TypeName,
        SchemaVersion = Item.SchemaVersion,
        CaptureTime = Item.CaptureTime,
        ContentHash = Item.ContentHash,

        // Null leaves Content off the wire (a hash-only update); an empty list goes as [] and clears the type.
        Content = HashOnly ? null : [.. Item.Content.Select(row => new Dictionary<string, string>(row))],

        // The ContentHash covers only the Content, so the Context goes with every update, hash-only ones too. Null
        // leaves it off the wire.
        Context = Item.Context.Count == 0 ? null : new Dictionary<string, string>(Item.Context),
    };
}
