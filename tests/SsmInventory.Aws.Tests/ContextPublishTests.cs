using SsmInventory.BuiltIn;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

/// <summary>An item's Context through the publisher to the fake service: sent where the service takes it, refused before sending where not.</summary>
public sealed class ContextPublishTests : PublisherTest
{
    private static readonly Dictionary<string, string> s_execution = new()
    {
        ["ExecutionId"] = "run-1",
        ["ExecutionType"] = "Command",
        ["ExecutionTime"] = "2026-11-27T10:00:00Z",
    };

    private static InventoryItemData Compliance(string status = "COMPLIANT") =>
        InventoryItemData.Create(AwsComplianceItemInventory.TypeInfo, [new AwsComplianceItem { Id = "c1", Status = status, Title = "back\bspace form\ffeed" }])
            .WithContext(s_execution);

    [Fact]
    public async Task A_Context_on_AWS_ComplianceItem_is_sent_with_the_item()
    {
        InventoryItemData item = Compliance();

        InventoryPublishReport report = await NewPublisher().PublishAsync([item, Items.Make("Custom:A")]);

        Assert.True(report.Succeeded);
        RecordedItem sent = Assert.Single(Puts).Items.Single(i => i.TypeName == "AWS:ComplianceItem");
        Assert.True(sent.HasContent);
        Assert.Equal(s_execution, sent.Context);
        Assert.Null(Puts[0].Items.Single(i => i.TypeName == "Custom:A").Context);
        AssertStored(item);
    }

    [Fact]
    public async Task The_Context_goes_with_a_hash_only_update_too()
    {
        await NewPublisher().PublishAsync([Compliance()]);
        var next = new Dictionary<string, string>(s_execution) { ["ExecutionId"] = "run-2" };

        InventoryPublishReport report = await NewPublisher().PublishAsync([Compliance().WithContext(next)]);

        Assert.Equal(InventoryItemStatus.Unchanged, Assert.Single(report.Items).Status);
        RecordedItem sent = Puts[1].Items.Single();
        Assert.False(sent.HasContent);
        Assert.Equal(next, sent.Context);
    }

    [Fact]
    public async Task A_spooled_item_keeps_its_Context_and_its_backspaces_and_form_feeds()
    {
        InventoryItemData item = Compliance();
        Server.Faults.Enqueue(Fault.InternalError());
        Assert.False((await NewPublisher().PublishAsync([item])).Succeeded);
        Assert.Equal(s_execution, Spool()["AWS:ComplianceItem"].Item.Context);

        await AssertNextPublishDelivers(item);
        Assert.Equal(s_execution, Puts[^1].Items.Single().Context);
        Assert.Equal("back\bspace form\ffeed", Server.Store.Get(Items.Node, "AWS:ComplianceItem")!.Content[0]["Title"]);
    }

    [Fact]
    public async Task A_Context_on_a_custom_type_is_refused_before_anything_is_sent()
    {
        InventoryItemData custom = Items.Make("Custom:Rack").WithContext(s_execution);

        var error = await Assert.ThrowsAsync<InventoryValidationException>(() => NewPublisher().PublishAsync([custom, Compliance()]));

        InventoryValidationProblem problem = Assert.Single(error.Problems);
        Assert.Equal("Custom:Rack", problem.TypeName);
        Assert.Contains("never for custom types", problem.Message);
        Assert.Empty(Server.Requests);
        Assert.Empty(Spool());
    }
}
