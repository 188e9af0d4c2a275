using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

public sealed class ReadOperationTests : FakeSsmTest
{
    [Fact]
    public async Task ListInventoryEntries_pages_the_rows_of_one_node_and_type()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(7), "hash-7")));
        var pages = new List<ListInventoryEntriesResponse>();
        string? nextToken = null;
        do
        {
            var page = await Client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest
            {
                InstanceId = NodeId, TypeName = "Custom:Rack", MaxResults = 3, NextToken = nextToken,
            });
            pages.Add(page);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        Assert.Equal([3, 3, 1], pages.Select(p => p.Entries.Count));
        Assert.Null(pages[^1].NextToken);
        Assert.Equal(Rows(7).Select(r => r["Name"]), pages.SelectMany(p => p.Entries).Select(e => e["Name"]));
        Assert.All(pages, p => Assert.Equal(("Custom:Rack", NodeId, "1.0", CaptureTime), (p.TypeName, p.InstanceId, p.SchemaVersion, p.CaptureTime)));
    }

    [Fact]
    public async Task ListInventoryEntries_of_an_unknown_node_or_type_has_no_entries()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        var otherType = await Client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = NodeId, TypeName = "Custom:Disk" });
        var otherNode = await Client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = "i-99999999", TypeName = "Custom:Rack" });

        Assert.Empty(otherType.Entries);
        Assert.Empty(otherNode.Entries);
        Assert.Null(otherType.NextToken);
    }

    [Fact]
    public async Task ListInventoryEntries_checks_page_size_and_token()
    {
        var overMaximum = 51; // not a constant, which the SDK's analyzer would reject
        var tooLarge = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.ListInventoryEntriesAsync(
            new ListInventoryEntriesRequest { InstanceId = NodeId, TypeName = "Custom:Rack", MaxResults = overMaximum }));
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => Client.ListInventoryEntriesAsync(
            new ListInventoryEntriesRequest { InstanceId = NodeId, TypeName = "Custom:Rack", NextToken = "not-a-token" }));

        Assert.Equal("ValidationException", tooLarge.ErrorCode);
        Assert.Contains("'maxResults'", tooLarge.Message);
    }

    [Fact]
    public async Task GetInventory_pages_the_nodes_that_hold_the_type()
    {
        var nodes = Enumerable.Range(1, 5).Select(i => $"i-{i:d8}").ToList();
        foreach (var node in nodes)
        {
            await Client.PutInventoryAsync(PutFor(node, Item("Custom:Rack", [Row(("NodeId", node))])));
        }

        await Client.PutInventoryAsync(PutFor("i-00000009", Item("Custom:Disk", Rows(1))));
        var pages = new List<GetInventoryResponse>();
        string? nextToken = null;
        do
        {
            var page = await Client.GetInventoryAsync(new GetInventoryRequest
            {
                ResultAttributes = [new ResultAttribute { TypeName = "Custom:Rack" }], MaxResults = 2, NextToken = nextToken,
            });
            pages.Add(page);
            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        Assert.Equal([2, 2, 1], pages.Select(p => p.Entities.Count));
        var entities = pages.SelectMany(p => p.Entities).ToList();
        Assert.Equal(nodes, entities.Select(e => e.Id));
        Assert.All(entities, e => Assert.Equal(["Custom:Rack"], e.Data.Keys));
        var rack = entities[0].Data["Custom:Rack"];
        Assert.Equal(("Custom:Rack", "1.0", CaptureTime, "hash-1"), (rack.TypeName, rack.SchemaVersion, rack.CaptureTime, rack.ContentHash));
        Assert.Equal("i-00000001", rack.Content.Single()["NodeId"]);
    }

    [Fact]
    public async Task GetInventory_without_result_attributes_returns_every_node_with_all_its_types()
    {
        await Client.PutInventoryAsync(PutFor("i-00000001", Item("Custom:Rack", Rows(1)), Item("Custom:Disk", Rows(2))));
        await Client.PutInventoryAsync(PutFor("i-00000002", Item("Custom:Disk", Rows(1))));

        var response = await Client.GetInventoryAsync(new GetInventoryRequest());

        Assert.Equal(["i-00000001", "i-00000002"], response.Entities.Select(e => e.Id));
        Assert.Equal(["Custom:Disk", "Custom:Rack"], response.Entities[0].Data.Keys.Order());
        Assert.Null(response.NextToken);
    }

    [Fact]
    public async Task GetInventory_filters_are_refused_rather_than_ignored()
    {
        var request = new GetInventoryRequest
        {
            Filters = [new InventoryFilter { Key = "AWS:InstanceInformation.InstanceId", Values = [NodeId] }],
        };

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.GetInventoryAsync(request));

        Assert.Equal("NotSupportedByFakeSsm", error.ErrorCode);
    }
}
