using System.Text.Json;
using SsmInventory.FakeSsm.Protocol;
using SsmInventory.FakeSsm.Validation;

namespace SsmInventory.FakeSsm.Operations;

/// <summary>
/// GetInventory without filters or aggregators: one entity per node that holds the type named in ResultAttributes (every
/// node and every type when ResultAttributes is absent), in instance id order, paged.
/// </summary>
internal sealed class GetInventoryOperation(FakeSsmStore store)
{
    public SsmResponse Handle(JsonElement body)
    {
        var input = WireJson.Read<GetInventoryInput>(body);
        Validate(input);
        var nodes = store.Nodes(input.ResultAttributes?[0]!.TypeName);
        var (page, nextToken) = Paging.Page(nodes, input.MaxResults, input.NextToken);
        var entities = page.Select(node => new InventoryResultEntity(
            node.InstanceId, node.Items.ToDictionary(item => item.TypeName, StringComparer.Ordinal))).ToList();
        return SsmResponse.Ok(new GetInventoryOutput(entities, nextToken));
    }

    private static void Validate(GetInventoryInput input)
    {
        var validator = new ModelValidator();
        validator.Count(input.ResultAttributes?.Count, "resultAttributes", 1, 1);
        for (var i = 0; i < (input.ResultAttributes?.Count ?? 0); i++)
        {
            var path = $"resultAttributes.{i + 1}.member";
            if (validator.Required(input.ResultAttributes![i], path)
                && validator.Required(input.ResultAttributes[i]!.TypeName, $"{path}.typeName"))
            {
                validator.Length(input.ResultAttributes[i]!.TypeName, $"{path}.typeName", 1, PutInventoryModel.MaxTypeNameBytes);
                validator.Pattern(input.ResultAttributes[i]!.TypeName, $"{path}.typeName", ModelPatterns.TypeName(), ModelPatterns.TypeNameModel);
            }
        }

        validator.Range(input.MaxResults, "maxResults", 1, Paging.MaxPageSize);
        validator.ThrowIfInvalid();
        if (input.Filters is not null || input.Aggregators is not null)
        {
            throw SsmErrors.NotSupportedByFake("GetInventory Filters and Aggregators");
        }
    }
}
