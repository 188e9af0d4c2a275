using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amazon.Runtime.Telemetry;
using Amazon.Runtime.Telemetry.Tracing;

namespace SsmInventory.Aws.Tests;

/// <summary>
/// Tests that read the process-wide meter and activity source <c>SsmInventory</c>; they run alone, so that no other
/// test's publishes add to what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>One measurement: the instrument, the value and the tags.</summary>
internal sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Records every measurement of the meter <c>SsmInventory</c> from its creation until disposed, with a <see cref="MeterListener"/>.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "SsmInventory")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measurement> All => [.. _measurements];

    /// <summary>The measurements of <paramref name="instrument"/> that carry at least <paramref name="tags"/>.</summary>
    public List<Measurement> Of(string instrument, params (string Key, object? Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out object? v) && Equals(v, t.Value)))];

    public double Sum(string instrument, params (string Key, object? Value)[] tags) => Of(instrument, tags).Sum(m => m.Value);

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _measurements.Enqueue(new Measurement(instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
}

/// <summary>Records every activity of the named sources that stops while it lives, with an <see cref="ActivityListener"/>.</summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public void Dispose() => _listener.Dispose();
}

/// <summary>
/// Turns the AWS SDK's own spans into activities of the source <c>AWSSDK.{service}</c>, the way OpenTelemetry's AWS
/// instrumentation does when it is registered as the SDK's tracer provider. The SDK passes no parent, so each activity
/// takes <see cref="Activity.Current"/> as its parent.
/// </summary>
internal sealed class ActivityTracerProvider : TracerProvider
{
    private readonly ConcurrentDictionary<string, ActivityTracer> _tracers = new(StringComparer.Ordinal);

    public static TelemetryProvider Create()
    {
        var provider = new DefaultTelemetryProvider();
        provider.RegisterTracerProvider(new ActivityTracerProvider());
        return provider;
    }

    public override Tracer GetTracer(string scope) => _tracers.GetOrAdd(scope, s => new ActivityTracer(new ActivitySource(s)));

    private sealed class ActivityTracer(ActivitySource source) : Tracer
    {
        public override TraceSpan CreateSpan(string name, Attributes? initialAttributes = null, SpanKind spanKind = SpanKind.INTERNAL, SpanContext? parentContext = null)
        {
            var tags = initialAttributes is null ? null : new ActivityTagsCollection(initialAttributes.AllAttributes);
            return new ActivitySpan(source.StartActivity(name, spanKind == SpanKind.CLIENT ? ActivityKind.Client : ActivityKind.Internal, default(ActivityContext), tags));
        }
    }

    private sealed class ActivitySpan : TraceSpan
    {
        private readonly Activity? _activity;

        public ActivitySpan(Activity? activity)
        {
            _activity = activity;
            Name = activity?.DisplayName;
        }

        public override void EmitEvent(string eventName, Attributes? attributes = null) => _activity?.AddEvent(new ActivityEvent(eventName));

        public override void SetAttribute(string key, object value) => _activity?.SetTag(key, value);

        public override void SetStatus(SpanStatus status) => _activity?.SetStatus(status == SpanStatus.ERROR ? ActivityStatusCode.Error : ActivityStatusCode.Ok);

        public override void RecordException(Exception exception, Attributes? attributes = null)
        {
        }

        public override void End() => _activity?.Stop();

        protected override void Dispose(bool disposing)
        {
            _activity?.Dispose();
            base.Dispose(disposing);
        }
    }
}
