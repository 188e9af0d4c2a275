using System.Text.Json;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.Validation;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>ListInventoryEntries: one node's rows of one type, paged. An unknown node or type has no rows.</summary>
internal sealed class ListInventoryEntriesOperation(FakeSsmStore store)
{
    public SsmResponse Handle(JsonElement body)
    {
        var input = WireJson.Read<ListInventoryEntriesInput>(body);
        Validate(input);
        var stored = store.Get(input.InstanceId!, input.TypeName!);
        var (entries, nextToken) = Paging.Page(stored?.Content ?? [], input.MaxResults, input.NextToken);
        return SsmResponse.Ok(new ListInventoryEntriesOutput(
            input.TypeName!, input.InstanceId!, stored?.SchemaVersion, stored?.CaptureTime, entries, nextToken));
    }

    private static void Validate(ListInventoryEntriesInput input)
    {
        var validator = new ModelValidator();
        if (validator.Required(input.InstanceId, "instanceId"))
        {
            validator.Pattern(input.InstanceId, "instanceId", ModelPatterns.InstanceId(), ModelPatterns.InstanceIdModel);
        }

        if (validator.Required(input.TypeName, "typeName"))
        {
            validator.Length(input.TypeName, "typeName", 1, PutInventoryModel.MaxTypeNameBytes);
            validator.Pattern(input.TypeName, "typeName", ModelPatterns.TypeName(), ModelPatterns.TypeNameModel);
        }

        validator.Range(input.MaxResults, "maxResults", 1, Paging.MaxPageSize);
        validator.ThrowIfInvalid();
        if (input.Filters is not null)
        {
            throw SsmErrors.NotSupportedByFake("ListInventoryEntries Filters");
        }
    }
}
