using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

public sealed class DeleteInventoryTests : FakeSsmTest
{
    [Fact]
    public async Task Deleting_a_custom_type_removes_it_from_every_node_and_from_the_account()
    {
        await Client.PutInventoryAsync(PutFor("i-00000001", Item("Custom:Rack", Rows(1)), Item("Custom:Disk", Rows(1))));
        await Client.PutInventoryAsync(PutFor("i-00000002", Item("Custom:Rack", Rows(1))));

        var response = await Client.DeleteInventoryAsync(new DeleteInventoryRequest { TypeName = "Custom:Rack", SchemaDeleteOption = InventorySchemaDeleteOption.DeleteSchema });

        Assert.True(Guid.TryParse(response.DeletionId, out _));
        Assert.Equal("Custom:Rack", response.TypeName);
        Assert.Equal((2, 0), (response.DeletionSummary.TotalCount, response.DeletionSummary.RemainingCount));
        Assert.Null(Server.Store.Get("i-00000001", "Custom:Rack"));
        Assert.Null(Server.Store.Get("i-00000002", "Custom:Rack"));
        Assert.NotNull(Server.Store.Get("i-00000001", "Custom:Disk"));
        Assert.Equal(["Custom:Disk"], Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task Deleting_a_type_frees_its_place_in_the_custom_type_limit()
    {
        for (var i = 1; i <= 20; i++)
        {
            Server.Store.Seed(NodeId, Stored($"Custom:Type{i}", "h"));
        }

        await Client.DeleteInventoryAsync(new DeleteInventoryRequest { TypeName = "Custom:Type7" });

        await Client.PutInventoryAsync(Put(Item("Custom:Type21", Rows(1))));
        Assert.Equal(20, Server.Store.CustomTypeNames.Count);
    }

    [Fact]
    public async Task A_dry_run_deletes_nothing()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        var response = await Client.DeleteInventoryAsync(new DeleteInventoryRequest { TypeName = "Custom:Rack", DryRun = true });

        Assert.Equal((1, 1), (response.DeletionSummary.TotalCount, response.DeletionSummary.RemainingCount));
        Assert.NotNull(Server.Store.Get(NodeId, "Custom:Rack"));
        Assert.Equal(["Custom:Rack"], Server.Store.CustomTypeNames);
    }

    [Theory]
    [InlineData("Custom:Unknown")]
    [InlineData("AWS:Application")]
    public async Task Deleting_a_type_the_account_does_not_have_is_an_invalid_type_name(string typeName)
    {
        await Client.PutInventoryAsync(Put(Item("AWS:Application", Rows(1), schemaVersion: "1.1")));

        await Assert.ThrowsAsync<InvalidTypeNameException>(() => Client.DeleteInventoryAsync(new DeleteInventoryRequest { TypeName = typeName }));

        Assert.NotNull(Server.Store.Get(NodeId, "AWS:Application"));
    }
}
