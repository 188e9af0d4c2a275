namespace SsmInventory.Publishing;

/// <summary>
/// Where inventory items for one managed node go: the PutInventory publisher (package SsmInventory.Aws) or the
/// SSM Agent custom-inventory folder. Both take the same items and return the same report, so a program switches
/// between them by configuration.
/// </summary>
public interface IInventorySink
{
    /// <summary>
    /// Validates and submits <paramref name="items"/>; at most one item per TypeName. Validation problems throw
    /// <see cref="InventoryValidationException"/> before anything is submitted; failures after that are reported per item.
    /// </summary>
    Task<InventoryPublishReport> PublishAsync(IReadOnlyList<InventoryItemData> items, CancellationToken cancellationToken = default);
}
