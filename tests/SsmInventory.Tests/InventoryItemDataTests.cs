using SsmInventory.Tests.Types;

namespace SsmInventory.Tests;

public sealed class InventoryItemDataTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void An_item_carries_the_type_capture_time_hash_and_rows()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 14, 5, 9, 999, TimeSpan.FromHours(2)));
        var racks = new[] { new RackLocation("us-east-2", "R1", 1), new RackLocation("us-east-2", "R2", 2) };

        InventoryItemData item = InventoryItemData.Create(RackLocationInventory.TypeInfo, racks, clock);

        Assert.Equal("Custom:Rack", item.TypeName);
        Assert.Equal("1.0", item.SchemaVersion);
        Assert.Equal("2026-11-27T12:05:09Z", item.CaptureTime);
        Assert.Equal(2, item.Content.Count);
        Assert.Equal(InventoryContentHash.Compute(item.Content), item.ContentHash);
        Assert.Equal(24, item.ContentHash.Length);
    }

    [Fact]
    public void The_hash_matches_the_agent_vector_for_the_same_rows()
    {
        // Vector 2 of the reference: [{"Name":"puppetlabs/aws","Version":"1.0"},{"Name":"puppetlabs/dsc","Version":"2.0"}].
        var content = new List<Dictionary<string, string>>
        {
            new() { ["Version"] = "1.0", ["Name"] = "puppetlabs/aws" },
            new() { ["Name"] = "puppetlabs/dsc", ["Version"] = "2.0" },
        };
        InventoryItemData item = InventoryItemData.Create("Custom:PuppetModuleInfo", "1.0", content);
        Assert.Equal("YOmbldlylsgT2Jicc13aJw==", item.ContentHash);
    }

    [Fact]
    public void No_values_make_an_item_that_clears_the_type()
    {
        InventoryItemData item = InventoryItemData.Create(PointInventory.TypeInfo, []);
        Assert.NotNull(item.Content);
        Assert.Empty(item.Content);
        Assert.Equal("N6YlnMDB2uKZp4Zkid/wvQ==", item.ContentHash);
    }

    [Fact]
    public void The_system_clock_is_used_by_default()
    {
        DateTimeOffset before = DateTimeOffset.UtcNow.AddSeconds(-1);
        InventoryItemData item = InventoryItemData.Create(PointInventory.TypeInfo, [new Point()]);
        DateTimeOffset captured = DateTimeOffset.Parse(item.CaptureTime, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(captured, before, DateTimeOffset.UtcNow);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0.0")]
    [InlineData("v1.0")]
    [InlineData("1.0\n")]
    [InlineData("1234567.0")]
    [InlineData(".1")]
    [InlineData("")]
    public void Invalid_schema_versions_are_rejected(string version)
    {
        var error = Assert.Throws<ArgumentException>(() => InventoryItemData.Create("Custom:X", version, []));
        Assert.Contains("SchemaVersion of Custom:X", error.Message);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2100)]
    public void Capture_times_outside_the_service_range_are_rejected(int year)
    {
        var clock = new FixedClock(new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => InventoryItemData.Create("Custom:X", "1.0", [], clock));
        Assert.Contains("2000-2099", error.Message);
    }
}
