using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>The model's constraints: each violation is a ValidationException naming the member and the constraint, and stores nothing.</summary>
public sealed class PutInventoryValidationTests : FakeSsmTest
{
    [Theory]
    [InlineData("instance id of 16 characters", "at 'instanceId'", "regular expression pattern")]
    [InlineData("instance id with non-ASCII word characters", "at 'instanceId'", "regular expression pattern")]
    [InlineData("instance id with a trailing newline", "at 'instanceId'", "regular expression pattern")]
    [InlineData("no items member", "null at 'items'", "must not be null")]
    [InlineData("empty items", "at 'items'", "length greater than or equal to 1")]
    [InlineData("31 items", "at 'items'", "length less than or equal to 30")]
    [InlineData("type name of 101 bytes", "at 'items.1.member.typeName'", "length less than or equal to 100")]
    [InlineData("type name of 57 characters but 107 bytes", "at 'items.1.member.typeName'", "length less than or equal to 100")]
    [InlineData("type name without the AWS or Custom prefix", "at 'items.1.member.typeName'", "regular expression pattern: ^(AWS|Custom):.*$")]
    [InlineData("schema version without a minor part", "at 'items.1.member.schemaVersion'", "regular expression pattern")]
    [InlineData("schema version with three parts", "at 'items.1.member.schemaVersion'", "regular expression pattern")]
    [InlineData("schema version with a trailing newline", "at 'items.1.member.schemaVersion'", "regular expression pattern")]
    [InlineData("schema version with 7 digits", "at 'items.1.member.schemaVersion'", "regular expression pattern")]
    [InlineData("capture time with milliseconds", "at 'items.1.member.captureTime'", "regular expression pattern")]
    [InlineData("capture time before 2000", "at 'items.1.member.captureTime'", "regular expression pattern")]
    [InlineData("capture time with an offset", "at 'items.1.member.captureTime'", "regular expression pattern")]
    [InlineData("no capture time", "null at 'items.1.member.captureTime'", "must not be null")]
    [InlineData("content hash of 257 characters", "at 'items.1.member.contentHash'", "length less than or equal to 256")]
    [InlineData("10,001 rows", "at 'items.1.member.content'", "length less than or equal to 10000")]
    [InlineData("51 attributes", "at 'items.1.member.content.1.member'", "length less than or equal to 50")]
    [InlineData("empty attribute name", "at 'items.1.member.content.1.member'", "Map keys must satisfy constraint: [Member must have length greater than or equal to 1]")]
    [InlineData("attribute name of 33 characters but 66 bytes", "at 'items.1.member.content.1.member'", "Map keys must satisfy constraint: [Member must have length less than or equal to 64]")]
    [InlineData("attribute value of 2049 characters but 4098 bytes", "at 'items.1.member.content.1.member.Value'", "Map value must satisfy constraint: [Member must have length less than or equal to 4096]")]
    [InlineData("null attribute value", "at 'items.1.member.content.1.member.Value'", "Member must not be null")]
    [InlineData("51 context entries", "at 'items.1.member.context'", "length less than or equal to 50")]
    public async Task A_request_outside_the_model_is_a_validation_exception(string violation, string member, string constraint)
    {
        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.PutInventoryAsync(Invalid(violation)));

        Assert.Equal("ValidationException", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains(member, error.Message);
        Assert.Contains(constraint, error.Message);
        Assert.Empty(Server.Store.CustomTypeNames);
    }

    [Fact]
    public async Task Values_at_every_limit_are_accepted()
    {
        var widestRow = Enumerable.Range(0, 49).ToDictionary(i => $"A{i}", _ => "v");
        widestRow[new string('n', 64)] = new string('v', 4096);
        var emptyRows = Enumerable.Range(0, 9_999).Select(_ => new Dictionary<string, string>());
        var largest = Item("Custom:" + new string('W', 93), [widestRow, .. emptyRows], new string('h', 256), "999999.999999", "2099-12-31T23:59:59Z");
        string[] builtIn = ["AWS:AWSComponent", "AWS:ComplianceSummary", "AWS:File", "AWS:InstanceDetailedInformation", "AWS:InstanceInformation", "AWS:Network", "AWS:PatchSummary", "AWS:Service", "AWS:WindowsRole"];
        List<InventoryItem> items =
        [
            .. Enumerable.Range(1, 19).Select(i => Item($"Custom:T{i}", Rows(1))),
            .. builtIn.Select(typeName => Item(typeName, Rows(1))),
            WithContext(Item("AWS:ComplianceItem", Rows(1)), 50),
            largest,
        ];

        await Client.PutInventoryAsync(PutFor("mi-0123456789abcdef0", [.. items]));

        Assert.Equal(10_000, Server.Store.Get("mi-0123456789abcdef0", largest.TypeName)!.Content.Count);
        Assert.Equal(4096, Server.Store.Get("mi-0123456789abcdef0", largest.TypeName)!.Content[0][new string('n', 64)].Length);
    }

    [Theory]
    [InlineData("i-01234567")]
    [InlineData("i-0123456789abcdef0")]
    [InlineData("mi-0123456789abcdef0")]
    public async Task Instance_ids_of_every_documented_form_are_accepted(string instanceId)
    {
        await Client.PutInventoryAsync(PutFor(instanceId, Item("Custom:Rack", Rows(1))));

        Assert.NotNull(Server.Store.Get(instanceId, "Custom:Rack"));
    }

    [Fact]
    public async Task Every_violation_is_listed_in_one_message()
    {
        var request = PutFor("node-1", Item("Custom:Rack", Rows(1), schemaVersion: "1"));

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.PutInventoryAsync(request));

        Assert.StartsWith("2 validation errors detected: ", error.Message);
        Assert.Contains("'instanceId'", error.Message);
        Assert.Contains("'items.1.member.schemaVersion'", error.Message);
    }

    [Fact]
    public async Task Model_validation_comes_before_the_service_errors()
    {
        Server.Store.RejectInstance(NodeId);

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(
            () => Client.PutInventoryAsync(Put(Item("Custom:lowercase", Rows(1), schemaVersion: "1.0.0"))));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    private static PutInventoryRequest Invalid(string violation) => violation switch
    {
        "instance id of 16 characters" => PutFor("i-0123456789abcdef", Item("Custom:Rack", Rows(1))),
        "instance id with non-ASCII word characters" => PutFor("i-0123456é", Item("Custom:Rack", Rows(1))),
        "instance id with a trailing newline" => PutFor("i-01234567\n", Item("Custom:Rack", Rows(1))),
        "no items member" => new PutInventoryRequest { InstanceId = NodeId },
        "empty items" => Put(),
        "31 items" => Put([.. Enumerable.Range(1, 31).Select(i => Item($"Custom:T{i}", Rows(1)))]),
        "type name of 101 bytes" => Put(Item("Custom:" + new string('A', 94), Rows(1))),
        "type name of 57 characters but 107 bytes" => Put(Item("Custom:" + TwoByteChars(50), Rows(1))),
        "type name without the AWS or Custom prefix" => Put(Item("Rack", Rows(1))),
        "schema version without a minor part" => Put(Item("Custom:Rack", Rows(1), schemaVersion: "1")),
        "schema version with three parts" => Put(Item("Custom:Rack", Rows(1), schemaVersion: "1.0.0")),
        "schema version with a trailing newline" => Put(Item("Custom:Rack", Rows(1), schemaVersion: "1.0\n")),
        "schema version with 7 digits" => Put(Item("Custom:Rack", Rows(1), schemaVersion: "1234567.0")),
        "capture time with milliseconds" => Put(Item("Custom:Rack", Rows(1), captureTime: "2024-05-01T12:00:00.000Z")),
        "capture time before 2000" => Put(Item("Custom:Rack", Rows(1), captureTime: "1999-12-31T23:59:59Z")),
        "capture time with an offset" => Put(Item("Custom:Rack", Rows(1), captureTime: "2024-05-01T12:00:00+00:00")),
        "no capture time" => Put(Item("Custom:Rack", Rows(1), captureTime: null!)),
        "content hash of 257 characters" => Put(Item("Custom:Rack", Rows(1), new string('h', 257))),
        "10,001 rows" => Put(Item("Custom:Rack", Rows(10_001))),
        "51 attributes" => Put(Item("Custom:Rack", [Enumerable.Range(0, 51).ToDictionary(i => $"A{i}", _ => "v")])),
        "empty attribute name" => Put(Item("Custom:Rack", [Row(("", "v"))])),
        "attribute name of 33 characters but 66 bytes" => Put(Item("Custom:Rack", [Row((TwoByteChars(33), "v"))])),
        "attribute value of 2049 characters but 4098 bytes" => Put(Item("Custom:Rack", [Row(("Value", TwoByteChars(2049)))])),
        "null attribute value" => Put(Item("Custom:Rack", [Row(("Value", null!))])),
        "51 context entries" => Put(WithContext(Item("AWS:ComplianceItem", Rows(1)), 51)),
        _ => throw new ArgumentOutOfRangeException(nameof(violation), violation, null),
    };

    private static InventoryItem WithContext(InventoryItem item, int entries)
    {
        item.Context = Enumerable.Range(0, entries).ToDictionary(i => $"Key{i}", i => $"{i}");
        return item;
    }
}
