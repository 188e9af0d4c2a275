using System.Runtime.InteropServices;
using System.Text.Json;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.Validation;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>
/// PutInventory, checked in the service's order: model constraints (ValidationException), the node, the stateless service
/// rules, then the checks against stored data, which run atomically with storing.
/// </summary>
internal sealed class PutInventoryOperation(FakeSsmStore store)
{
    public SsmResponse Handle(JsonElement body, int bodyBytes)
    {
        var input = WireJson.Read<PutInventoryInput>(body);
        PutInventoryModel.Validate(input);
        var instanceId = input.InstanceId!;
        if (store.IsRejected(instanceId))
        {
            throw SsmErrors.InvalidInstanceId(instanceId);
        }

        var items = Received(input.Items!, body.GetProperty("Items"));
        InventoryRules.Check(items, bodyBytes);
        store.Put(instanceId, items);
        return SsmResponse.Ok(new PutInventoryOutput());
    }

    private static List<ReceivedItem> Received(List<InventoryItemInput?> items, JsonElement wireItems) =>
        [.. items.Zip(wireItems.EnumerateArray(), (item, wire) => new ReceivedItem(
            item!.TypeName!,
            item.SchemaVersion!,
            item.CaptureTime!,
            item.ContentHash,
            item.Content?.Select(row => (IReadOnlyDictionary<string, string>)row!.ToDictionary(a => a.Key, a => a.Value!)).ToList(),
            item.Context,
            JsonMarshal.GetRawUtf8Value(wire).Length))];
}

/// <summary>PutInventory's answer; its only member, Message, is optional and left out.</summary>
internal sealed record PutInventoryOutput;
