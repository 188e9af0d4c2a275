using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Aws.Publishing;
using SsmInventory.BuiltIn;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

public sealed class SizeAndBatchTests : PublisherTest
{
    private static readonly int s_envelope = $"{{\"InstanceId\":\"{Items.Node}\",\"Items\":[]}}".Length;

    [Theory]
    [InlineData("plain ascii value")]
    [InlineData("<a href=\"x\">&'+`</a>\\/")]
    [InlineData("tab\tnew\nline\rdel\u007fnul\u0000")]
    [InlineData("backspace\bform feed\f")]
    [InlineData("é€😀\u2028 ﾃｽﾄ")]
    public async Task The_measured_size_is_exactly_what_the_SDK_sends(string value)
    {
        var content = new List<Dictionary<string, string>> { new() { ["Näme<"] = value, ["Other"] = "x" }, new() };
        InventoryItemData item = InventoryItemData.Create("Custom:Sized", "1.0", content);

        using var client = Server.CreateClient();
        await client.PutInventoryAsync(new PutInventoryRequest { InstanceId = Items.Node, Items = [new PendingItem(item, hashOnly: false).ToSdk()] });
        await client.PutInventoryAsync(new PutInventoryRequest { InstanceId = Items.Node, Items = [new PendingItem(item, hashOnly: true).ToSdk()] });

        Assert.Equal(s_envelope + InventoryJsonSize.Measure(item), Server.Requests[0].BodyBytes);
        Assert.Equal(s_envelope + InventoryJsonSize.Measure(item, includeContent: false), Server.Requests[1].BodyBytes);
    }

    [Fact]
    public async Task The_measured_size_of_an_item_with_a_Context_is_exactly_what_the_SDK_sends()
    {
        InventoryItemData item = InventoryItemData.Create(AwsComplianceItemInventory.TypeInfo, [new AwsComplianceItem { Id = "c1", Title = "a\bb\fc" }])
            .WithContext(new Dictionary<string, string> { ["ExecutionId"] = "<run&'1'>", ["ExecutionType"] = "Commänd\b\f\u2028" });

        using var client = Server.CreateClient();
        await client.PutInventoryAsync(new PutInventoryRequest { InstanceId = Items.Node, Items = [new PendingItem(item, hashOnly: false).ToSdk()] });
        await client.PutInventoryAsync(new PutInventoryRequest { InstanceId = Items.Node, Items = [new PendingItem(item, hashOnly: true).ToSdk()] });

        Assert.Equal(s_envelope + InventoryJsonSize.Measure(item), Server.Requests[0].BodyBytes);
        Assert.Equal(s_envelope + InventoryJsonSize.Measure(item, includeContent: false), Server.Requests[1].BodyBytes);
        Assert.All(Server.Requests, r => Assert.Equal(item.Context, r.Items.Single().Context));
    }

    [Fact]
    public void Requests_take_at_most_30_items()
    {
        var items = Enumerable.Range(0, 65).Select(i => new PendingItem(Items.Make($"Custom:T{i}"), hashOnly: false));
        Assert.Equal([30, 30, 5], RequestSplitter.Split(Items.Node, items).Select(r => r.Count));
    }

    [Fact]
    public void Requests_stay_under_1_MB_and_keep_the_order()
    {
        // Six items of about 180 KB: five fit under 1 MB, the sixth goes in a second request.
        var items = Enumerable.Range(0, 6).Select(i => new PendingItem(Items.Make($"Custom:T{i}", rows: 45, valueLength: 4000), hashOnly: false)).ToList();
        List<List<PendingItem>> requests = RequestSplitter.Split(Items.Node, items);
        Assert.Equal([5, 1], requests.Select(r => r.Count));
        Assert.Equal(items, requests.SelectMany(r => r));
        Assert.All(requests, r => Assert.True(s_envelope + r.Sum(p => p.JsonBytes) + r.Count - 1 < 1024 * 1024));

        // Hash-only updates of the same items are small enough for one request.
        items.ForEach(p => p.HashOnly = true);
        Assert.Single(RequestSplitter.Split(Items.Node, items));
    }

    [Fact]
    public void A_batch_builds_one_item_per_type_from_typed_values()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero));
        var batch = new InventoryBatch(clock)
            .Add(CertificateInventory.TypeInfo, [new Certificate("CN=a", "AB", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2048)])
            .Add(Items.Empty("Custom:Prebuilt"));

        Assert.Equal(["Custom:Certificate", "Custom:Prebuilt"], batch.Select(i => i.TypeName));
        Assert.Equal("2026-11-27T10:00:00Z", batch[0].CaptureTime);
        Assert.Equal("CN=a", batch[0].Content[0]["Subject"]);

        var again = Assert.Throws<ArgumentException>(() => batch.Add(CertificateInventory.TypeInfo, []));
        Assert.Contains("Custom:Certificate", again.Message);
        Assert.Throws<ArgumentException>(() => batch.Add(Items.Make("Custom:Prebuilt")));
        Assert.Equal(2, batch.Count);
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
