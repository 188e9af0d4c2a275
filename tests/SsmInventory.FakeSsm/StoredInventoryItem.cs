namespace SsmInventory.FakeSsm;

/// <summary>One inventory type as the fake service holds it for one node.</summary>
/// <param name="ContentHash">The hash the caller sent with the content; the service stores it as given and compares hash-only updates against it.</param>
public sealed record StoredInventoryItem(
    string TypeName,
    string SchemaVersion,
    string CaptureTime,
    string? ContentHash,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Content);
