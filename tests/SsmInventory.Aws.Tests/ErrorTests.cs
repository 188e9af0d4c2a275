using System.Reflection;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;
using Fault = SsmInventory.FakeSsm.Fault;

namespace SsmInventory.Aws.Tests;

/// <summary>Each PutInventory error becomes a typed outcome; throttling and server errors are retried by the SDK.</summary>
public sealed class ErrorTests : PublisherTest
{
    // The service's message may echo submitted values, so no reason may quote it.
    private const string ServiceMessage = "SERVICE-MESSAGE";

    public static TheoryData<string, int, bool, string> PutInventoryErrors => new()
    {
        { "InvalidTypeNameException", 400, false, "Rename the type" },
        { "InvalidItemContentException", 400, false, "Fix the rows" },
        { "ItemSizeLimitExceededException", 400, false, "200 KB" },
        { "TotalSizeLimitExceededException", 400, true, "5000 KB per node per day" },
        { "ItemContentMismatchException", 400, true, "full Content was sent" },
        { "CustomSchemaCountLimitExceededException", 400, true, "DeleteInventory" },
        { "UnsupportedInventorySchemaVersionException", 400, false, "Raise the SchemaVersion" },
        { "UnsupportedInventoryItemContextException", 400, false, "Leave the Context out" },
        { "InvalidInventoryItemContextException", 400, false, "Fix the Context" },
        { "SubTypeCountLimitExceededException", 400, false, "fewer sub-types" },
        { "InvalidInstanceId", 400, true, "ssm:PutInventory" },
        { "InternalServerError", 500, true, "internal error" },
    };

    [Theory]
    [MemberData(nameof(PutInventoryErrors))]
    public async Task Each_error_becomes_a_failed_outcome_with_an_actionable_reason(string error, int status, bool resendable, string advice)
    {
        InventoryItemData item = Items.Make("Custom:A");
        Server.Faults.Enqueue(Fault.Error(error, ServiceMessage, status));
        InventoryPublishReport report = await NewPublisher().PublishAsync([item]);

        InventoryItemOutcome outcome = Assert.Single(report.Items);
        Assert.Equal(InventoryItemStatus.Failed, outcome.Status);
        Assert.Equal(error, outcome.ErrorCode);
        Assert.Contains(advice, outcome.Reason);
        Assert.Contains("Request id:", outcome.Reason);
        Assert.DoesNotContain(ServiceMessage, outcome.Reason);
        Assert.Contains(resendable ? "sent again on the next publish" : "not sent again until a newer item", outcome.Reason);

        // Either way the item is kept; only a resendable one is sent again.
        Assert.Equal(resendable, !Spool()["Custom:A"].IsRejected);
        InventoryPublishReport next = await NewPublisher().PublishAsync([]);
        Assert.Equal(resendable ? InventoryItemStatus.Sent : InventoryItemStatus.Failed, Assert.Single(next.Items).Status);
        Assert.Equal(resendable ? 2 : 1, Puts.Count);
    }

    [Fact]
    public async Task A_rejected_item_is_reported_every_time_until_a_newer_one_replaces_it()
    {
        Server.Faults.Enqueue(Fault.Error("InvalidTypeNameException", ServiceMessage));
        await NewPublisher().PublishAsync([Items.Make("Custom:A")]);

        InventoryPublishReport again = await NewPublisher().PublishAsync([Items.Make("Custom:B")]);
        Assert.Equal(["Custom:B", "Custom:A"], again.Items.Select(o => o.TypeName));
        Assert.Equal("InvalidTypeNameException", again.Items[1].ErrorCode);
        Assert.Equal(["Custom:B"], Puts[1].Items.Select(i => i.TypeName));

        InventoryItemData fixedA = Items.Make("Custom:A", seed: "fixed");
        InventoryPublishReport replaced = await NewPublisher().PublishAsync([fixedA]);
        Assert.True(replaced.Succeeded);
        AssertStored(fixedA);
        Assert.Empty(Spool());
    }

    [Fact]
    public async Task An_error_that_names_no_item_is_narrowed_down_by_sending_each_item_alone()
    {
        // The first request and the first single one are refused; the others get through.
        Server.Faults.Enqueue(Fault.Error("UnsupportedInventorySchemaVersionException", ServiceMessage));
        Server.Faults.Enqueue(Fault.Error("UnsupportedInventorySchemaVersionException", ServiceMessage));
        InventoryItemData[] items = [Items.Make("Custom:A"), Items.Make("Custom:B"), Items.Make("Custom:C")];
        InventoryPublishReport report = await NewPublisher().PublishAsync(items);

        Assert.Equal([InventoryItemStatus.Failed, InventoryItemStatus.Sent, InventoryItemStatus.Sent], report.Items.Select(o => o.Status));
        Assert.Equal([3, 1, 1, 1], Puts.Select(r => r.Items.Count));
        AssertStored(items[1]);
        AssertStored(items[2]);
    }

    [Fact]
    public async Task An_error_that_names_an_item_fails_that_item_and_the_others_are_sent_again()
    {
        // The fake names no TypeName in injected faults, so this client throws as the service would for an invalid row of B.
        var ssm = FailingPutInventory.Wrap(NewClient(), request =>
            request.Items.Any(i => i.TypeName == "Custom:B") ? new InvalidItemContentException(ServiceMessage) { TypeName = "Custom:B", ErrorCode = "InvalidItemContentException" } : null);
        InventoryItemData[] items = [Items.Make("Custom:A"), Items.Make("Custom:B"), Items.Make("Custom:C")];
        InventoryPublishReport report = await new SsmInventoryPublisher(ssm, Options()).PublishAsync(items);

        Assert.Equal([InventoryItemStatus.Sent, InventoryItemStatus.Failed, InventoryItemStatus.Sent], report.Items.Select(o => o.Status));
        Assert.Equal("InvalidItemContentException", report.Items[1].ErrorCode);
        Assert.True(Spool()["Custom:B"].IsRejected);
        AssertStored(items[0]);
        AssertStored(items[2]);
    }

    [Fact]
    public async Task Over_20_custom_types_fails_the_new_type_with_advice_and_the_existing_ones_get_through()
    {
        for (int i = 0; i < 19; i++)
        {
            Server.Store.Seed("i-00000000000000001", new StoredInventoryItem($"Custom:Other{i}", "1.0", "2026-01-01T00:00:00Z", null, []));
        }

        var publisher = NewPublisher();
        await publisher.PublishAsync([Items.Make("Custom:Existing")]);
        InventoryPublishReport report = await publisher.PublishAsync([Items.Make("Custom:Existing", seed: "new"), Items.Make("Custom:New")]);

        Assert.Equal(InventoryItemStatus.Sent, report.Items[0].Status);
        Assert.Equal("CustomSchemaCountLimitExceededException", report.Items[1].ErrorCode);
        Assert.Contains("DeleteInventory", report.Items[1].Reason);
        Assert.False(Spool()["Custom:New"].IsRejected);
    }

    [Fact]
    public async Task An_unregistered_node_fails_every_item_without_sending_the_rest()
    {
        Server.Store.RejectInstance(Items.Node);
        InventoryItemData[] items = [.. Enumerable.Range(0, 8).Select(i => Items.Make($"Custom:Big{i}", rows: 45, valueLength: 4000))];
        InventoryPublishReport report = await NewPublisher().PublishAsync(items);

        Assert.All(report.Items, o => Assert.Equal("InvalidInstanceId", o.ErrorCode));
        Assert.Single(Puts);
        Assert.Equal(8, Spool().Count);
    }

    [Fact]
    public async Task Throttling_and_server_errors_are_retried_by_the_SDK()
    {
        Server.Faults.Enqueue(Fault.Throttle());
        Server.Faults.Enqueue(Fault.InternalError());
        InventoryItemData a = Items.Make("Custom:A");
        InventoryPublishReport report = await NewPublisher(maxErrorRetry: 2).PublishAsync([a]);

        Assert.True(report.Succeeded);
        Assert.Equal(["ThrottlingException", "InternalServerError", null], Puts.Select(r => r.ErrorType));
        AssertStored(a);
    }

    [Fact]
    public async Task Throttling_beyond_the_retries_is_reported_and_spooled()
    {
        Server.Faults.Enqueue(Fault.Throttle());
        Server.Faults.Enqueue(Fault.Throttle());
        InventoryPublishReport report = await NewPublisher(maxErrorRetry: 1).PublishAsync([Items.Make("Custom:A")]);

        InventoryItemOutcome outcome = Assert.Single(report.Failed);
        Assert.Equal("ThrottlingException", outcome.ErrorCode);
        Assert.Contains("MaxErrorRetry", outcome.Reason);
        Assert.True(Spool().ContainsKey("Custom:A"));
    }

    [Fact]
    public async Task A_reset_connection_is_retried_by_the_SDK_or_reported_and_spooled()
    {
        Server.Faults.Enqueue(Fault.ConnectionReset());
        InventoryItemData a = Items.Make("Custom:A");
        Assert.True((await NewPublisher(maxErrorRetry: 1).PublishAsync([a])).Succeeded);
        AssertStored(a);

        Server.Faults.Enqueue(Fault.ConnectionReset());
        InventoryItemData b = Items.Make("Custom:B");
        InventoryItemOutcome outcome = Assert.Single((await NewPublisher().PublishAsync([b])).Failed);
        Assert.Equal("RequestFailed", outcome.ErrorCode);
        Assert.True(Spool().ContainsKey("Custom:B"));
    }

    [Fact]
    public async Task A_slow_answer_times_out_and_the_retry_succeeds()
    {
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(3)));
        InventoryItemData a = Items.Make("Custom:A");
        InventoryPublishReport report = await NewPublisher(maxErrorRetry: 1, timeout: TimeSpan.FromSeconds(1)).PublishAsync([a]);

        Assert.True(report.Succeeded);
        AssertStored(a);
    }

    /// <summary>An SSM client that fails chosen PutInventory calls and passes everything else to a real one.</summary>
    public class FailingPutInventory : DispatchProxy
    {
        private IAmazonSimpleSystemsManagement _inner = null!;
        private Func<PutInventoryRequest, Exception?> _fail = null!;

        public static IAmazonSimpleSystemsManagement Wrap(IAmazonSimpleSystemsManagement inner, Func<PutInventoryRequest, Exception?> fail)
        {
            IAmazonSimpleSystemsManagement proxy = Create<IAmazonSimpleSystemsManagement, FailingPutInventory>();
            var self = (FailingPutInventory)(object)proxy;
            self._inner = inner;
            self._fail = fail;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IAmazonSimpleSystemsManagement.PutInventoryAsync) && _fail((PutInventoryRequest)args![0]!) is { } exception)
            {
                return Task.FromException<PutInventoryResponse>(exception);
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
