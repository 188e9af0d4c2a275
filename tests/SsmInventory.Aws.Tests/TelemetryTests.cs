using System.Diagnostics;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Publishing;
using Fault = SsmInventory.FakeSsm.Fault;

namespace SsmInventory.Aws.Tests;

/// <summary>The publisher's metrics and spans, read back with <see cref="System.Diagnostics.Metrics.MeterListener"/> and <see cref="ActivityListener"/>.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : PublisherTest
{
    private const string Value = "INVENTORY-VALUE-4711";
    private const string SecretKey = "SECRET-ACCESS-KEY-0815";
    private const string Status = "ssm_inventory.item.status";
    private const string TypeName = "ssm_inventory.type_name";
    private const string ErrorType = "error.type";

    private static readonly int s_envelope = $"{{\"InstanceId\":\"{Items.Node}\",\"Items\":[]}}".Length;

    [Fact]
    public async Task A_publish_with_known_outcomes_is_counted_by_status_request_bytes_and_spool()
    {
        InventoryItemData a = Items.Make("Custom:A"), b = Items.Make("Custom:B"), c = Items.Make("Custom:C"), d = Items.Make("Custom:D");
        await NewPublisher().PublishAsync([c]);

        // D is too big for the service: the first request fails naming it, and the rest are sent again without it.
        var ssm = ErrorTests.FailingPutInventory.Wrap(NewClient(), request => request.Items.Any(i => i.TypeName == "Custom:D")
            ? new ItemSizeLimitExceededException("too big") { TypeName = "Custom:D", ErrorCode = "ItemSizeLimitExceededException" }
            : null);
        using var metrics = new MetricRecorder();
        InventoryPublishReport report = await new SsmInventoryPublisher(ssm, Options()).PublishAsync([a, b, c, d]);

        Assert.Equal([InventoryItemStatus.Sent, InventoryItemStatus.Sent, InventoryItemStatus.Unchanged, InventoryItemStatus.Failed], report.Items.Select(o => o.Status));
        Assert.Equal(4, metrics.Sum("ssm_inventory.publish.items"));
        Assert.Equal(2, metrics.Sum("ssm_inventory.publish.items", (Status, "sent")));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.items", (Status, "sent"), (TypeName, "Custom:A")));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.items", (Status, "hash_only"), (TypeName, "Custom:C")));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.items", (Status, "failed"), (TypeName, "Custom:D"), (ErrorType, "ItemSizeLimitExceededException")));
        Assert.All(metrics.Of("ssm_inventory.publish.items", (Status, "sent")), m => Assert.False(m.Tags.ContainsKey(ErrorType)));

        Assert.Equal(2, metrics.Sum("ssm_inventory.publish.requests"));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.requests", (ErrorType, "ItemSizeLimitExceededException")));
        Assert.Equal(0, metrics.Sum("ssm_inventory.publish.throttled_requests"));

        // The failed call never reached the fake (the wrapper threw it), so its size is measured; the other is the body the SDK sent.
        long failedRequest = s_envelope + InventoryJsonSize.Measure(a) + InventoryJsonSize.Measure(b) + InventoryJsonSize.Measure(c, includeContent: false) + InventoryJsonSize.Measure(d) + 3;
        Assert.Equal([failedRequest, Puts[^1].BodyBytes], metrics.Of("ssm_inventory.publish.request.size").Select(m => (long)m.Value));

        Assert.Equal(1, Assert.Single(metrics.Of("ssm_inventory.spool.length")).Value);
        Measurement duration = Assert.Single(metrics.Of("ssm_inventory.publish.duration"));
        Assert.InRange(duration.Value, double.Epsilon, 60);
        Assert.Empty(duration.Tags);
    }

    [Fact]
    public async Task Throttled_calls_are_counted_and_the_spool_drains_on_the_next_publish()
    {
        InventoryItemData a = Items.Make("Custom:A");
        Server.Faults.Enqueue(Fault.Throttle());
        using var metrics = new MetricRecorder();
        await NewPublisher().PublishAsync([a]);
        await NewPublisher().PublishAsync([]);

        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.throttled_requests"));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.requests", (ErrorType, "ThrottlingException")));
        Assert.Equal(2, metrics.Sum("ssm_inventory.publish.requests"));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.items", (Status, "failed"), (ErrorType, "ThrottlingException")));
        Assert.Equal(1, metrics.Sum("ssm_inventory.publish.items", (Status, "sent")));
        Assert.Equal([1.0, 0.0], metrics.Of("ssm_inventory.spool.length").Select(m => m.Value));
    }

    [Fact]
    public async Task A_publish_that_throws_is_timed_with_its_exception_type_and_its_span_fails()
    {
        using var metrics = new MetricRecorder();
        using var spans = new ActivityRecorder("SsmInventory");
        using var test = StartTestSpan(out ActivitySource testSource);

        InventoryItemData bad = InventoryItemData.Create("Custom:Bad", "1.0", [new Dictionary<string, string> { ["N"] = Value + new string('v', 5000) }]);
        await Assert.ThrowsAsync<InventoryValidationException>(() => NewPublisher().PublishAsync([bad]));

        Measurement duration = Assert.Single(metrics.Of("ssm_inventory.publish.duration"));
        Assert.Equal("SsmInventory.Publishing.InventoryValidationException", duration.Tags[ErrorType]);
        Assert.Empty(metrics.Of("ssm_inventory.publish.items"));
        Assert.Empty(metrics.Of("ssm_inventory.publish.requests"));

        Activity publish = Assert.Single(spans.Stopped, s => s.TraceId == test.TraceId);
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.Equal("SsmInventory.Publishing.InventoryValidationException", publish.GetTagItem(ErrorType));
        Assert.DoesNotContain(Value, publish.StatusDescription);
        testSource.Dispose();
    }

    [Fact]
    public async Task The_SDK_spans_of_a_publish_are_children_of_its_span()
    {
        using var spans = new ActivityRecorder("SsmInventory", "AWSSDK.SSM", "System.Net.Http");
        using var client = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("AKIDTELEMETRY", SecretKey),
            new AmazonSimpleSystemsManagementConfig
            {
                ServiceURL = Server.ServiceUrl.ToString(),
                AuthenticationRegion = "us-east-1",
                MaxErrorRetry = 0,
                TelemetryProvider = ActivityTracerProvider.Create(),
            });
        Activity test = StartTestSpan(out ActivitySource testSource);
        InventoryPublishReport report;
        using (test)
        {
            report = await new SsmInventoryPublisher(client, Options()).PublishAsync([Items.Make("Custom:A", seed: Value)]);
        }

        testSource.Dispose();
        Assert.True(report.Succeeded);
        List<Activity> trace = [.. spans.Stopped.Where(s => s.TraceId == test.TraceId)];
        Activity publish = Assert.Single(trace, s => s.Source.Name == "SsmInventory");
        Assert.Equal("SsmInventory.Publish", publish.OperationName);
        Assert.Equal(test.SpanId, publish.ParentSpanId);
        Assert.Equal(Items.Node, publish.GetTagItem("ssm_inventory.instance_id"));
        Assert.Equal(1, publish.GetTagItem("ssm_inventory.item.count"));
        Assert.Equal(ActivityStatusCode.Unset, publish.Status);

        // The SDK's operation span sits right under the publish; everything the SDK and HttpClient started is below it.
        Activity call = Assert.Single(trace, s => s.OperationName == "SSM.PutInventory");
        Assert.Equal(publish.SpanId, call.ParentSpanId);
        Assert.Equal(ActivityKind.Client, call.Kind);
        Activity http = Assert.Single(trace, s => s.Source.Name == "System.Net.Http");
        Assert.All(trace.Where(s => s != publish && s.Source.Name != "SsmInventory"), s => Assert.Contains(publish, Ancestors(s, trace)));
        Assert.Contains(call, Ancestors(http, trace));
    }

    [Fact]
    public async Task Failed_items_are_span_events_and_no_tag_holds_a_value_or_a_credential()
    {
        using var metrics = new MetricRecorder();
        using var spans = new ActivityRecorder("SsmInventory");
        using var client = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("AKIDTELEMETRY", SecretKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = Server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        Server.Faults.Enqueue(Fault.Error("InvalidTypeNameException", $"Value {Value} is not valid"));
        Activity test = StartTestSpan(out ActivitySource testSource);
        using (test)
        {
            await new SsmInventoryPublisher(client, Options()).PublishAsync([Items.Make("Custom:A", seed: Value)]);
        }

        testSource.Dispose();
        Activity publish = Assert.Single(spans.Stopped, s => s.TraceId == test.TraceId);
        Assert.Equal(ActivityStatusCode.Error, publish.Status);
        Assert.Equal("1 of 1 items were not accepted.", publish.StatusDescription);
        ActivityEvent failed = Assert.Single(publish.Events);
        Assert.Equal("ssm_inventory.item.failed", failed.Name);
        Assert.Contains(new KeyValuePair<string, object?>(TypeName, "Custom:A"), failed.Tags);
        Assert.Contains(new KeyValuePair<string, object?>(ErrorType, "InvalidTypeNameException"), failed.Tags);

        IEnumerable<string> tagValues = metrics.All.SelectMany(m => m.Tags.Values)
            .Concat(publish.TagObjects.Select(t => t.Value))
            .Concat(publish.Events.SelectMany(e => e.Tags).Select(t => t.Value))
            .Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        Assert.NotEmpty(tagValues);
        Assert.All(tagValues, v =>
        {
            Assert.DoesNotContain(Value, v);
            Assert.DoesNotContain(SecretKey, v);
            Assert.DoesNotContain("AKIDTELEMETRY", v);
        });
    }

    /// <summary>A root span of the test's own, so that its trace holds exactly this test's spans.</summary>
    private static Activity StartTestSpan(out ActivitySource source)
    {
        source = new ActivitySource("SsmInventory.Tests." + Guid.NewGuid().ToString("N"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("SsmInventory.Tests.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        return source.StartActivity("test", ActivityKind.Internal, parentContext: default) ?? throw new InvalidOperationException("The test span was not sampled.");
    }

    private static IEnumerable<Activity> Ancestors(Activity activity, List<Activity> trace)
    {
        for (Activity? parent = trace.Find(s => s.SpanId == activity.ParentSpanId); parent is not null; parent = trace.Find(s => s.SpanId == parent.ParentSpanId))
        {
            yield return parent;
        }
    }
}
