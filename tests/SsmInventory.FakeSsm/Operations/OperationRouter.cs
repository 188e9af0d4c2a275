using System.Text.Json;
using SsmInventory.FakeSsm.Protocol;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>Dispatches a request on its <c>X-Amz-Target</c> and turns any service error into an error response.</summary>
internal sealed class OperationRouter
{
    private readonly Dictionary<string, Func<JsonElement, int, SsmResponse>> _operations;

    public OperationRouter(FakeSsmStore store)
    {
        var put = new PutInventoryOperation(store);
        var list = new ListInventoryEntriesOperation(store);
        var get = new GetInventoryOperation(store);
        var delete = new DeleteInventoryOperation(store);
        _operations = new(StringComparer.Ordinal)
        {
            ["AmazonSSM.PutInventory"] = put.Handle,
            ["AmazonSSM.ListInventoryEntries"] = (body, _) => list.Handle(body),
            ["AmazonSSM.GetInventory"] = (body, _) => get.Handle(body),
            ["AmazonSSM.DeleteInventory"] = (body, _) => delete.Handle(body),
        };
    }

    public SsmResponse Route(string target, ReadOnlyMemory<byte> body)
    {
        try
        {
            var operation = _operations.GetValueOrDefault(target) ?? throw SsmErrors.UnknownOperation(target);
            using var document = WireJson.Parse(body);
            return operation(document.RootElement, body.Length);
        }
        catch (SsmErrorException error)
        {
            return SsmResponse.Error(error);
        }
        catch (Exception bug)
        {
            // A defect of the fake itself: answer like the service would, with the cause where the test can see it.
            return SsmResponse.Error(new SsmErrorException("InternalServerError", $"Fake SSM failure: {bug}", 500));
        }
    }
}
