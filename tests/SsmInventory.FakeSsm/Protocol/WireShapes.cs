using System.Text.Json;

namespace SsmInventory.FakeSsm.Protocol;

// The request and response shapes of the SSM model that the fake serves, with the model's member names.
// Every request member is nullable: the model's "required" is checked by the validators, as the service does, so that a
// missing member is a ValidationException rather than a SerializationException. JsonElement? members are those the fake
// only needs to see the presence of.

internal sealed record PutInventoryInput
{
    public string? InstanceId { get; init; }

    public List<InventoryItemInput?>? Items { get; init; }
}

internal sealed record InventoryItemInput
{
    public string? TypeName { get; init; }

    public string? SchemaVersion { get; init; }

    public string? CaptureTime { get; init; }

    public string? ContentHash { get; init; }

    public List<Dictionary<string, string?>?>? Content { get; init; }

    public Dictionary<string, string?>? Context { get; init; }
}

internal sealed record ListInventoryEntriesInput
{
    public string? InstanceId { get; init; }

    public string? TypeName { get; init; }

    public JsonElement? Filters { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

internal sealed record ListInventoryEntriesOutput(
    string TypeName,
    string InstanceId,
    string? SchemaVersion,
    string? CaptureTime,
    IReadOnlyList<IReadOnlyDictionary<string, string>> Entries,
    string? NextToken);

internal sealed record GetInventoryInput
{
    public JsonElement? Filters { get; init; }

    public JsonElement? Aggregators { get; init; }

    public List<ResultAttributeInput?>? ResultAttributes { get; init; }

    public int? MaxResults { get; init; }

    public string? NextToken { get; init; }
}

internal sealed record ResultAttributeInput
{
    public string? TypeName { get; init; }
}

internal sealed record GetInventoryOutput(IReadOnlyList<InventoryResultEntity> Entities, string? NextToken);

internal sealed record InventoryResultEntity(string Id, IReadOnlyDictionary<string, StoredInventoryItem> Data);

internal sealed record DeleteInventoryInput
{
    public string? TypeName { get; init; }

    public string? SchemaDeleteOption { get; init; }

    public bool? DryRun { get; init; }
}

internal sealed record DeleteInventoryOutput(string DeletionId, string TypeName, InventoryDeletionSummary DeletionSummary);

internal sealed record InventoryDeletionSummary(int TotalCount, int RemainingCount);
