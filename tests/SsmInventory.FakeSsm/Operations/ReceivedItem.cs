namespace SsmInventory.FakeSsm.Operations;

/// <summary>A PutInventory item that passed model validation.</summary>
/// <param name="Content">Null for a hash-only item (the Content member was absent); empty for <c>Content: []</c>.</param>
/// <param name="WireBytes">The size of the item's JSON as received, which the item size limit applies to.</param>
internal sealed record ReceivedItem(
    string TypeName,
    string SchemaVersion,
    string CaptureTime,
    string? ContentHash,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? Content,
    IReadOnlyDictionary<string, string?>? Context,
    int WireBytes)
{
    public bool IsCustom => TypeName.StartsWith(InventoryRules.CustomPrefix, StringComparison.Ordinal);
}
