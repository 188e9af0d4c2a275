using System.Net;
using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>200 KB (204,800 bytes) per item, measured on the item's JSON as received, and 1 MB (1,048,576 bytes) per request body.</summary>
public sealed class SizeLimitTests : FakeSsmTest
{
    private const int MaxItemBytes = 204_800;
    private const int MaxRequestBytes = 1_048_576;

    [Fact]
    public async Task An_item_over_200_KB_is_an_item_size_limit_exceeded()
    {
        var rows = Enumerable.Range(0, 52).Select(i => Row(("Blob", new string('x', 4000)))).ToList();

        var error = await Assert.ThrowsAsync<ItemSizeLimitExceededException>(() => Client.PutInventoryAsync(Put(Item("Custom:Big", rows))));

        Assert.Equal("Custom:Big", error.TypeName);
        Assert.Null(Server.Store.Get(NodeId, "Custom:Big"));
    }

    [Fact]
    public async Task A_request_over_1_MB_is_a_total_size_limit_exceeded()
    {
        var rows = Enumerable.Range(0, 45).Select(i => Row(("Blob", new string('x', 4000)))).ToList();
        var items = Enumerable.Range(1, 6).Select(i => Item($"Custom:Big{i}", rows)).ToArray();

        await Assert.ThrowsAsync<TotalSizeLimitExceededException>(() => Client.PutInventoryAsync(Put(items)));

        Assert.True(Server.Requests.Single().BodyBytes > MaxRequestBytes);
        Assert.Empty(Server.Store.CustomTypeNames);
    }

    [Theory]
    [InlineData(MaxItemBytes, HttpStatusCode.OK, null)]
    [InlineData(MaxItemBytes + 1, HttpStatusCode.BadRequest, "ItemSizeLimitExceededException")]
    public async Task The_item_limit_is_exactly_204800_bytes_of_the_item_json(int itemBytes, HttpStatusCode status, string? errorType)
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", SizedJson.Body(NodeId, SizedJson.Item("Custom:Big", itemBytes)));

        Assert.Equal((status, errorType), (response.Status, response.ErrorType));
        Assert.Equal(errorType is null ? null : "Custom:Big", response.Member("TypeName"));
    }

    [Theory]
    [InlineData(MaxRequestBytes, HttpStatusCode.OK, null)]
    [InlineData(MaxRequestBytes + 1, HttpStatusCode.BadRequest, "TotalSizeLimitExceededException")]
    public async Task The_request_limit_is_exactly_1048576_bytes_of_body(int bodyBytes, HttpStatusCode status, string? errorType)
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", SizedJson.Request(NodeId, 6, bodyBytes));

        Assert.Equal((status, errorType), (response.Status, response.ErrorType));
        Assert.Equal(bodyBytes, Server.Requests.Single().BodyBytes);
    }
}
