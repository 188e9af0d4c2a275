using System.Text.Json;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.Validation;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>
/// DeleteInventory of a custom type: removes it from every node and from the account's custom type count at once (the real
/// service does it in the background). Both SchemaDeleteOption values delete; DryRun only counts.
/// </summary>
internal sealed class DeleteInventoryOperation(FakeSsmStore store)
{
    public SsmResponse Handle(JsonElement body)
    {
        var input = WireJson.Read<DeleteInventoryInput>(body);
        var validator = new ModelValidator();
        if (validator.Required(input.TypeName, "typeName"))
        {
            validator.Length(input.TypeName, "typeName", 1, PutInventoryModel.MaxTypeNameBytes);
            validator.Pattern(input.TypeName, "typeName", ModelPatterns.TypeName(), ModelPatterns.TypeNameModel);
        }

        validator.OneOf(input.SchemaDeleteOption, "schemaDeleteOption", "DisableSchema", "DeleteSchema");
        validator.ThrowIfInvalid();

        var typeName = input.TypeName!;
        var dryRun = input.DryRun ?? false;
        var nodes = store.DeleteType(typeName, dryRun) ?? throw SsmErrors.InvalidTypeName(typeName);
        var summary = new InventoryDeletionSummary(nodes, dryRun ? nodes : 0);
        return SsmResponse.Ok(new DeleteInventoryOutput(Guid.NewGuid().ToString(), typeName, summary));
    }
}
