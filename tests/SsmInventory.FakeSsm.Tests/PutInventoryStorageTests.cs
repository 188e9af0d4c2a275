using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

public sealed class PutInventoryStorageTests : FakeSsmTest
{
    [Fact]
    public async Task Stores_the_item_as_sent()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", [Row(("Location", "CMH")), Row(("Location", "BJS"))], "hash-1")));

        var stored = Server.Store.Get(NodeId, "Custom:Rack");
        Assert.NotNull(stored);
        Assert.Equal(("Custom:Rack", "1.0", CaptureTime, "hash-1"), (stored.TypeName, stored.SchemaVersion, stored.CaptureTime, stored.ContentHash));
        Assert.Equal(["CMH", "BJS"], stored.Content.Select(row => row["Location"]));
        Assert.Equal(["Custom:Rack"], Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task A_later_put_replaces_the_rows_of_that_type_only()
    {
        await Client.PutInventoryAsync(Put(
            Item("Custom:Rack", [Row(("Location", "CMH")), Row(("Location", "BJS"))]),
            Item("Custom:Disk", [Row(("Size", "10"))])));

        await Client.PutInventoryAsync(Put(Item("Custom:Rack", [Row(("Zone", "A"))], "hash-2", "2.0", LaterCaptureTime)));

        var rack = Server.Store.Get(NodeId, "Custom:Rack")!;
        Assert.Equal([new Dictionary<string, string> { ["Zone"] = "A" }], rack.Content);
        Assert.Equal(("2.0", LaterCaptureTime, "hash-2"), (rack.SchemaVersion, rack.CaptureTime, rack.ContentHash));
        Assert.Equal("10", Server.Store.Get(NodeId, "Custom:Disk")!.Content.Single()["Size"]);
    }

    [Fact]
    public async Task An_empty_content_list_is_sent_as_an_empty_array_and_clears_the_rows()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(3))));

        await Client.PutInventoryAsync(Put(Item("Custom:Rack", [], "hash-empty")));

        Assert.Equal(new RecordedItem("Custom:Rack", true, 0, "hash-empty"), Server.Requests[^1].Items.Single());
        var stored = Server.Store.Get(NodeId, "Custom:Rack")!;
        Assert.Empty(stored.Content);
        Assert.Equal("hash-empty", stored.ContentHash);
    }

    [Fact]
    public async Task A_hash_only_item_is_sent_without_content_and_keeps_the_rows_with_a_new_capture_time()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(2), "hash-1")));

        await Client.PutInventoryAsync(Put(HashOnly("Custom:Rack", "hash-1", LaterCaptureTime)));

        Assert.Equal(new RecordedItem("Custom:Rack", false, 0, "hash-1"), Server.Requests[^1].Items.Single());
        var stored = Server.Store.Get(NodeId, "Custom:Rack")!;
        Assert.Equal(2, stored.Content.Count);
        Assert.Equal(LaterCaptureTime, stored.CaptureTime);
    }

    [Fact]
    public async Task A_hash_only_item_matches_seeded_data()
    {
        Server.Store.Seed(NodeId, Stored("Custom:Rack", "seeded-hash", Row(("Location", "CMH"))));

        await Client.PutInventoryAsync(Put(HashOnly("Custom:Rack", "seeded-hash")));

        Assert.Equal(LaterCaptureTime, Server.Store.Get(NodeId, "Custom:Rack")!.CaptureTime);
        Assert.Equal(["Custom:Rack"], Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task An_item_of_a_built_in_type_is_stored_and_not_counted_as_a_custom_type()
    {
        await Client.PutInventoryAsync(Put(Item("AWS:Application", [Row(("Name", "nginx"), ("Version", "1.25"))], schemaVersion: "1.1")));

        Assert.Equal("nginx", Server.Store.Get(NodeId, "AWS:Application")!.Content.Single()["Name"]);
        Assert.Empty(Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task A_request_that_fails_stores_none_of_its_items()
    {
        var request = Put(Item("Custom:Rack", Rows(1)), HashOnly("Custom:Disk", "never-stored"));

        await Assert.ThrowsAsync<ItemContentMismatchException>(() => Client.PutInventoryAsync(request));

        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
        Assert.Empty(Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task Concurrent_requests_are_all_stored_and_recorded()
    {
        var nodes = Enumerable.Range(0, 25).Select(i => $"i-{i:d17}").ToList();

        await Task.WhenAll(nodes.Select(node => Client.PutInventoryAsync(PutFor(node, Item("Custom:Rack", Rows(3))))));

        Assert.All(nodes, node => Assert.Equal(3, Server.Store.Get(node, "Custom:Rack")!.Content.Count));
        Assert.Equal(nodes.Order(), Server.Requests.Select(r => r.InstanceId!).Order());
    }

    [Fact]
    public async Task Every_request_is_recorded_with_its_items_and_answer()
    {
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(2), "hash-1"), HashOnly("Custom:Rack", "hash-1")));
        await Assert.ThrowsAsync<ItemContentMismatchException>(() => Client.PutInventoryAsync(Put(HashOnly("Custom:Disk", "h"))));
        await Client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = NodeId, TypeName = "Custom:Rack" });

        var requests = Server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(("AmazonSSM.PutInventory", "PutInventory", NodeId, 200, (string?)null), (requests[0].Target, requests[0].Operation, requests[0].InstanceId, requests[0].StatusCode, requests[0].ErrorType));
        Assert.Equal([new RecordedItem("Custom:Rack", true, 2, "hash-1"), new RecordedItem("Custom:Rack", false, 0, "hash-1")], requests[0].Items);
        Assert.True(requests[0].BodyBytes > 0);
        Assert.Equal((400, "ItemContentMismatchException"), (requests[1].StatusCode, requests[1].ErrorType));
        Assert.Equal(("ListInventoryEntries", NodeId), (requests[2].Operation, requests[2].InstanceId));
        Assert.Empty(requests[2].Items);
    }
}
