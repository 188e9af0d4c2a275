using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>The service's own PutInventory errors (reference §3), each surfacing as the SDK's typed exception.</summary>
public sealed class PutInventoryServiceErrorTests : FakeSsmTest
{
    [Fact]
    public async Task A_rejected_node_is_an_invalid_instance_id()
    {
        Server.Store.RejectInstance(NodeId);

        var error = await Assert.ThrowsAsync<InvalidInstanceIdException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Equal("InvalidInstanceId", error.ErrorCode);
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Theory]
    [InlineData("Custom:rack")]
    [InlineData("Custom:1Rack")]
    [InlineData("Custom:Ünïcödé")]
    [InlineData("Custom:")]
    [InlineData("AWS:Unknown")]
    [InlineData("AWS:application")]
    public async Task A_type_name_that_is_neither_built_in_nor_a_capitalised_custom_name_is_invalid(string typeName)
    {
        var error = await Assert.ThrowsAsync<InvalidTypeNameException>(() => Client.PutInventoryAsync(Put(Item(typeName, Rows(1)))));

        Assert.Contains(typeName, error.Message);
    }

    [Fact]
    public async Task A_built_in_type_at_another_version_is_an_unsupported_schema_version()
    {
        var error = await Assert.ThrowsAsync<UnsupportedInventorySchemaVersionException>(
            () => Client.PutInventoryAsync(Put(Item("AWS:Application", Rows(1), schemaVersion: "1.0"))));

        Assert.Contains("1.1", error.Message);
    }

    [Fact]
    public async Task Context_on_a_custom_type_is_unsupported()
    {
        var item = Item("Custom:Rack", Rows(1));
        item.Context = new Dictionary<string, string> { ["ExecutionId"] = "1" };

        var error = await Assert.ThrowsAsync<UnsupportedInventoryItemContextException>(() => Client.PutInventoryAsync(Put(item)));

        Assert.Equal("Custom:Rack", error.TypeName);
    }

    [Fact]
    public async Task Context_on_a_built_in_type_is_accepted()
    {
        var item = Item("AWS:ComplianceItem", [Row(("Id", "c1"), ("Status", "COMPLIANT"))]);
        item.Context = new Dictionary<string, string> { ["ExecutionId"] = "1", ["ExecutionType"] = "Command" };

        await Client.PutInventoryAsync(Put(item));

        Assert.NotNull(Server.Store.Get(NodeId, "AWS:ComplianceItem"));
    }

    [Fact]
    public async Task Context_on_a_built_in_type_that_takes_none_is_unsupported()
    {
        var item = Item("AWS:Application", Rows(1), schemaVersion: "1.1");
        item.Context = new Dictionary<string, string> { ["ExecutionId"] = "1" };

        var error = await Assert.ThrowsAsync<UnsupportedInventoryItemContextException>(() => Client.PutInventoryAsync(Put(item)));

        Assert.Equal("AWS:Application", error.TypeName);
    }

    [Theory]
    [InlineData("", "v", "the key '' is 0 bytes")]
    [InlineData("33 two-byte characters", "v", "is 66 bytes, not 1 to 64")]
    [InlineData("ExecutionId", null, "the value of 'ExecutionId' is null")]
    [InlineData("ExecutionId", "4097", "the value of 'ExecutionId' is over 4096 bytes")]
    public async Task Context_keys_and_values_outside_the_model_lengths_are_an_invalid_context(string key, string? value, string problem)
    {
        var item = Item("AWS:ComplianceItem", Rows(1));
        string contextKey = key == "33 two-byte characters" ? new string('é', 33) : key;
        item.Context = new Dictionary<string, string> { ["ExecutionType"] = "Command", [contextKey] = value == "4097" ? new string('v', 4097) : value! };

        var error = await Assert.ThrowsAsync<InvalidInventoryItemContextException>(() => Client.PutInventoryAsync(Put(item, Item("Custom:Rack", Rows(1)))));

        Assert.Equal("InvalidInventoryItemContextException", error.ErrorCode);
        Assert.Contains("AWS:ComplianceItem", error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Empty(Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task Context_keys_and_values_at_the_model_lengths_are_accepted()
    {
        var item = Item("AWS:ComplianceItem", Rows(1));
        item.Context = new Dictionary<string, string> { [new string('k', 64)] = new string('v', 4096), ["ExecutionId"] = "" };

        await Client.PutInventoryAsync(Put(item));

        Assert.NotNull(Server.Store.Get(NodeId, "AWS:ComplianceItem"));
    }

    [Fact]
    public async Task Attribute_names_that_differ_only_in_case_within_a_row_are_invalid_content()
    {
        var error = await Assert.ThrowsAsync<InvalidItemContentException>(
            () => Client.PutInventoryAsync(Put(Item("Custom:Rack", [Row(("Name", "a"), ("NAME", "b"))]))));

        Assert.Equal("Custom:Rack", error.TypeName);
    }

    [Fact]
    public async Task Attribute_names_that_differ_only_in_case_across_rows_are_invalid_content()
    {
        var request = Put(Item("Custom:Ok", Rows(2)), Item("Custom:Rack", [Row(("Name", "a")), Row(("name", "b"))]));

        var error = await Assert.ThrowsAsync<InvalidItemContentException>(() => Client.PutInventoryAsync(request));

        Assert.Equal("Custom:Rack", error.TypeName);
        Assert.Null(Server.Store.Get(NodeId, "Custom:Ok"));
    }

    [Fact]
    public async Task The_same_attribute_name_spelled_the_same_way_in_every_row_is_accepted()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", [Row(("Name", "a")), Row(("Name", "b"))]), Item("Custom:Other", [Row(("NAME", "c"))])));

        Assert.Equal(2, Server.Store.Get(NodeId, "Custom:Rack")!.Content.Count);
    }

    [Fact]
    public async Task A_hash_only_item_with_nothing_stored_is_a_content_mismatch()
    {
        var error = await Assert.ThrowsAsync<ItemContentMismatchException>(() => Client.PutInventoryAsync(Put(HashOnly("Custom:Rack", "hash-1"))));

        Assert.Equal("Custom:Rack", error.TypeName);
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task A_hash_only_item_with_another_hash_is_a_content_mismatch_and_changes_nothing()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(2), "hash-1")));

        var error = await Assert.ThrowsAsync<ItemContentMismatchException>(() => Client.PutInventoryAsync(Put(HashOnly("Custom:Rack", "hash-2"))));

        Assert.Equal("Custom:Rack", error.TypeName);
        var stored = Server.Store.Get(NodeId, "Custom:Rack")!;
        Assert.Equal(("hash-1", CaptureTime, 2), (stored.ContentHash, stored.CaptureTime, stored.Content.Count));
    }

    [Fact]
    public async Task A_hash_only_item_for_a_type_stored_on_another_node_is_a_content_mismatch()
    {
        Server.Store.Seed("i-99999999", Stored("Custom:Rack", "hash-1"));

        await Assert.ThrowsAsync<ItemContentMismatchException>(() => Client.PutInventoryAsync(Put(HashOnly("Custom:Rack", "hash-1"))));
    }

    [Fact]
    public async Task A_twenty_first_custom_type_in_the_account_is_over_the_limit()
    {
        for (var i = 1; i <= 20; i++)
        {
            Server.Store.Seed($"i-{i:d8}", Stored($"Custom:Type{i}", "h"));
        }

        await Assert.ThrowsAsync<CustomSchemaCountLimitExceededException>(() => Client.PutInventoryAsync(Put(Item("Custom:Type21", Rows(1)))));

        Assert.Equal(20, Server.Store.CustomTypeNames.Count);
        await Client.PutInventoryAsync(Put(Item("Custom:Type1", Rows(1)), Item("AWS:Network", Rows(1))));
    }

    [Fact]
    public async Task New_custom_types_of_one_request_count_together_and_none_is_stored_over_the_limit()
    {
        var existing = Enumerable.Range(1, 19).Select(i => Item($"Custom:Type{i}", Rows(1))).ToArray();
        await Client.PutInventoryAsync(Put(existing));

        await Assert.ThrowsAsync<CustomSchemaCountLimitExceededException>(
            () => Client.PutInventoryAsync(Put(Item("Custom:Type20", Rows(1)), Item("Custom:Type21", Rows(1)))));

        Assert.Null(Server.Store.Get(NodeId, "Custom:Type20"));
        Assert.Equal(19, Server.Store.CustomTypeNames.Count);
    }
}
