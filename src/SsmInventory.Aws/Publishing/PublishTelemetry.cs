using System.Diagnostics;
using System.Diagnostics.Metrics;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>
/// The publisher's metrics and spans, on the meter and activity source <c>SsmInventory</c> (the agent file sink's metric
/// uses the same meter). Names and units follow OpenTelemetry's semantic conventions. Tags hold TypeNames, the node id,
/// error codes and exception type names: identifiers, never inventory values, exception messages or credentials.
/// </summary>
internal static class PublishTelemetry
{
    public const string Name = "SsmInventory";
    public const string SpanName = "SsmInventory.Publish";

    public const string StatusTag = "ssm_inventory.item.status";
    public const string TypeNameTag = "ssm_inventory.type_name";
    public const string InstanceIdTag = "ssm_inventory.instance_id";
    public const string ItemCountTag = "ssm_inventory.item.count";
    public const string ErrorTypeTag = "error.type";
    public const string ItemFailedEvent = "ssm_inventory.item.failed";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter s_meter = new(Name);

    private static readonly Counter<long> s_items = s_meter.CreateCounter<long>(
        "ssm_inventory.publish.items", "{item}", "Items of each publish by what became of them: sent, hash_only, failed or deferred.");

    private static readonly Counter<long> s_requests = s_meter.CreateCounter<long>(
        "ssm_inventory.publish.requests", "{request}", "PutInventory calls, each counted once after the SDK's retries; error.type is set when the call was not accepted.");

    private static readonly Counter<long> s_throttledRequests = s_meter.CreateCounter<long>(
        "ssm_inventory.publish.throttled_requests", "{request}", "PutInventory calls still throttled after the SDK's retries.");

    private static readonly Histogram<long> s_requestSize = s_meter.CreateHistogram(
        "ssm_inventory.publish.request.size",
        "By",
        "Body size of each PutInventory call, the measure of the service's 1 MB per call and 5,000 KB per day quotas.",
        tags: null,
        new InstrumentAdvice<long> { HistogramBucketBoundaries = [1_024, 4_096, 16_384, 65_536, 204_800, 524_288, 1_048_576] });

    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram(
        "ssm_inventory.publish.duration",
        "s",
        "Duration of each publish, from validation to the spool's update; error.type is set when it threw.",
        tags: null,
        new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300] });

    private static readonly Gauge<int> s_spoolLength = s_meter.CreateGauge<int>(
        "ssm_inventory.spool.length", "{item}", "Items left in the spool after the latest publish, waiting to be sent again.");

    /// <summary>The value of <see cref="StatusTag"/> for an item the publisher reports.</summary>
    public static string StatusOf(InventoryItemStatus status) => status switch
    {
        InventoryItemStatus.Sent => "sent",
        InventoryItemStatus.Unchanged => "hash_only",
        InventoryItemStatus.Deferred => "deferred",
        _ => "failed",
    };

    /// <summary>Records one PutInventory call of <paramref name="request"/>; <paramref name="error"/> is null when the service accepted it.</summary>
    public static void RecordRequest(string instanceId, List<PendingItem> request, PutInventoryError? error)
    {
        // Measuring walks every row again, so only when someone listens.
        if (s_requestSize.Enabled)
        {
            s_requestSize.Record(RequestSplitter.SizeOf(instanceId, request));
        }

        if (error is null)
        {
            s_requests.Add(1);
            return;
        }

        s_requests.Add(1, new KeyValuePair<string, object?>(ErrorTypeTag, error.Code));
        if (error.Throttled)
        {
            s_throttledRequests.Add(1);
        }
    }

    public static void RecordSpoolLength(int items) => s_spoolLength.Record(items);

    /// <summary>Starts the span and the clock of one publish; disposing ends both.</summary>
    public static PublishScope StartPublish() => new(Source.StartActivity(SpanName, ActivityKind.Internal));

    /// <summary>One publish: its span, which the SDK's own spans nest under as <see cref="Activity.Current"/>, and its duration.</summary>
    internal sealed class PublishScope(Activity? activity) : IDisposable
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private string? _errorType;

        public void SetInstanceId(string instanceId) => activity?.SetTag(InstanceIdTag, instanceId);

        public void Completed(InventoryPublishReport report)
        {
            if (activity is null && !s_items.Enabled)
            {
                return;
            }

            int failed = 0;
            foreach (InventoryItemOutcome outcome in report.Items)
            {
                var tags = new TagList { { StatusTag, StatusOf(outcome.Status) }, { TypeNameTag, outcome.TypeName } };
                if (outcome.ErrorCode is not null)
                {
                    tags.Add(ErrorTypeTag, outcome.ErrorCode);
                }

                s_items.Add(1, tags);
                if (outcome.Status == InventoryItemStatus.Failed)
                {
                    failed++;
                    activity?.AddEvent(new ActivityEvent(ItemFailedEvent, tags: new ActivityTagsCollection(tags)));
                }
            }

            activity?.SetTag(ItemCountTag, report.Items.Count);
            if (failed > 0)
            {
                activity?.SetStatus(ActivityStatusCode.Error, $"{failed} of {report.Items.Count} items were not accepted.");
            }
        }

        public void Failed(Exception exception)
        {
            // The type only: nothing promises that an exception's message is free of inventory values.
            _errorType = exception.GetType().FullName ?? exception.GetType().Name;
            activity?.SetTag(ErrorTypeTag, _errorType);
            activity?.SetStatus(ActivityStatusCode.Error, _errorType);
        }

        public void Dispose()
        {
            double seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            if (_errorType is null)
            {
                s_duration.Record(seconds);
            }
            else
            {
                s_duration.Record(seconds, new KeyValuePair<string, object?>(ErrorTypeTag, _errorType));
            }

            activity?.Dispose();
        }
    }
}
