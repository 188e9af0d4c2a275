using System.Collections.ObjectModel;
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

    [Fact]
    public void Rows_cannot_be_changed_through_the_item()
    {
        InventoryItemData item = InventoryItemData.Create(RackLocationInventory.TypeInfo, [new RackLocation("us-east-2", "R1", 1)]);
        string hash = item.ContentHash;

        // Neither the list nor a row is a mutable collection underneath.
        Assert.IsNotType<List<IReadOnlyDictionary<string, string>>>(item.Content, exactMatch: false);
        Assert.IsNotType<Dictionary<string, string>>(item.Content[0], exactMatch: false);
        var list = Assert.IsAssignableFrom<IList<IReadOnlyDictionary<string, string>>>(item.Content);
        Assert.Throws<NotSupportedException>(() => list[0] = new Dictionary<string, string>());
        Assert.Throws<NotSupportedException>(() => list.Add(new Dictionary<string, string>()));
        Assert.Throws<NotSupportedException>(() => list.Clear());
        var row = Assert.IsAssignableFrom<IDictionary<string, string>>(item.Content[0]);
        Assert.Throws<NotSupportedException>(() => row["Rack"] = "changed");
        Assert.Throws<NotSupportedException>(() => row.Remove("Rack"));

        Assert.Equal("R1", item.Content[0]["Rack"]);
        Assert.Equal(hash, InventoryContentHash.Compute(item.Content));
        Assert.Same(item.Content, item.Content);
    }

    [Fact]
    public void Prebuilt_rows_are_copied_so_changing_them_afterwards_does_not_change_the_item()
    {
        var content = new List<Dictionary<string, string>>
        {
            new() { ["Name"] = "puppetlabs/aws", ["Version"] = "1.0" },
            new() { ["Name"] = "puppetlabs/dsc", ["Version"] = "2.0" },
        };
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["Name"] = "x" };
        InventoryItemData item = InventoryItemData.Create("Custom:PuppetModuleInfo", "1.0", content);
        InventoryItemData fromOther = InventoryItemData.Create("Custom:Other", "1.0", [sorted, new ReadOnlyDictionary<string, string>(content[0])]);

        content[0]["Name"] = "changed";
        content[1].Remove("Version");
        content.Add(new Dictionary<string, string>());
        sorted["Name"] = "changed";

        Assert.Equal(2, item.Content.Count);
        Assert.Equal("puppetlabs/aws", item.Content[0]["Name"]);
        Assert.Equal("2.0", item.Content[1]["Version"]);
        Assert.Equal("YOmbldlylsgT2Jicc13aJw==", item.ContentHash);
        Assert.Equal("x", fromOther.Content[0]["Name"]);
        Assert.Equal("puppetlabs/aws", fromOther.Content[1]["Name"]);
        Assert.Equal(InventoryContentHash.Compute([new Dictionary<string, string> { ["Name"] = "x" }, new Dictionary<string, string> { ["Name"] = "puppetlabs/aws", ["Version"] = "1.0" }]), fromOther.ContentHash);
    }

    [Fact]
    public void Prebuilt_rows_with_nulls_or_a_name_twice_are_refused_naming_the_row()
    {
        var nullRow = Assert.Throws<ArgumentException>(() => InventoryItemData.Create("Custom:X", "1.0", [new Dictionary<string, string>(), null!]));
        Assert.Equal("content", nullRow.ParamName);
        Assert.Contains("Row 1", nullRow.Message);

        var nullValue = Assert.Throws<ArgumentException>(() => InventoryItemData.Create("Custom:X", "1.0", [new Dictionary<string, string> { ["Owner"] = null! }]));
        Assert.Contains("Row 0, attribute \"Owner\": the value is null", nullValue.Message);

        var twice = Assert.Throws<ArgumentException>(() => InventoryItemData.Create("Custom:X", "1.0", [new PairList([new("Name", "a"), new("Name", "b")])]));
        Assert.Contains("Row 0 holds the attribute \"Name\" twice", twice.Message);
        Assert.DoesNotContain("\"a\"", twice.Message);

        var nullName = Assert.Throws<ArgumentException>(() => InventoryItemData.Create("Custom:X", "1.0", [new PairList([new(null!, "a")])]));
        Assert.Contains("Row 0 has an attribute whose name is null", nullName.Message);
    }

    [Fact]
    public void WithContext_copies_the_context_and_keeps_everything_else()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 27, 14, 5, 9, TimeSpan.Zero));
        InventoryItemData item = InventoryItemData.Create(RackLocationInventory.TypeInfo, [new RackLocation("us-east-2", "R1", 1)], clock);
        var context = new Dictionary<string, string> { ["ExecutionId"] = "run-1", ["ExecutionType"] = "Command" };

        InventoryItemData withContext = item.WithContext(context);
        context["ExecutionId"] = "changed";

        Assert.Empty(item.Context);
        Assert.Equal(new Dictionary<string, string> { ["ExecutionId"] = "run-1", ["ExecutionType"] = "Command" }, withContext.Context);
        Assert.Throws<NotSupportedException>(() => ((IDictionary<string, string>)withContext.Context)["ExecutionId"] = "changed");
        Assert.Equal(
            (item.TypeName, item.SchemaVersion, item.CaptureTime, item.ContentHash),
            (withContext.TypeName, withContext.SchemaVersion, withContext.CaptureTime, withContext.ContentHash));
        Assert.Equal(item.Content, withContext.Content);
        Assert.Empty(withContext.WithContext(new Dictionary<string, string>()).Context);
    }

    [Fact]
    public void WithContext_refuses_null_values_and_keys_that_appear_twice()
    {
        InventoryItemData item = InventoryItemData.Create(PointInventory.TypeInfo, []);

        Assert.Throws<ArgumentNullException>(() => item.WithContext(null!));
        var nullValue = Assert.Throws<ArgumentException>(() => item.WithContext(new Dictionary<string, string> { ["ExecutionId"] = null! }));
        Assert.Equal("context", nullValue.ParamName);
        Assert.Contains("Context key \"ExecutionId\": the value is null", nullValue.Message);
        var twice = Assert.Throws<ArgumentException>(() => item.WithContext(new PairList([new("ExecutionId", "1"), new("ExecutionId", "2")])));
        Assert.Contains("The Context holds the attribute \"ExecutionId\" twice", twice.Message);
    }

    [Fact]
    public void Backspace_and_form_feed_are_accepted_and_hashed_as_current_agents_do()
    {
        InventoryItemData item = InventoryItemData.Create("Custom:X", "1.0", [new Dictionary<string, string> { ["Name"] = "line\bone\ftwo" }, new Dictionary<string, string> { ["a\fb"] = "c\bd" }]);

        // The Go 1.22 vector of ContentHashTests: \b and \f, not \u0008 and \u000c.
        Assert.Equal("B4pQmfpdQcgUGoab3B0hTA==", item.ContentHash);
        Assert.Equal("line\bone\ftwo", item.Content[0]["Name"]);
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
