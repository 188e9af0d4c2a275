using System.Globalization;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SsmInventory.Aws.Publishing.Pacing;
using SsmInventory.Benchmarks.Model;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Issue 11, pace: 2,000 PutInventory calls, one per node with 3 custom types, through the real AWS SDK client to the
/// fake SSM service, whose account-wide token bucket lets <see cref="Rate"/> calls a second through (burst: one second's
/// worth) and which answers after 20 ms, a network round trip. The bound is 2,000 / <see cref="Rate"/> seconds. Compared:
/// a sequential loop and an unbounded parallel loop with the SDK's standard retry mode, and
/// <see cref="MaxInFlight"/> calls at most under way with either the SDK's adaptive retry mode or
/// <see cref="PutInventoryPacer"/>. Each iteration starts a fresh service (a full bucket) and a fresh, warmed-up client; the
/// service counts the calls and throttled answers, the loop counts calls that failed for good. A run stops at three times
/// the bound, so that a strategy that crawls still ends; its unfinished calls count as failed.
/// </summary>
[Config(typeof(PacingBenchmarkConfig))]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3, invocationCount: 1)]
public class PacingBenchmarks
{
    public const int Calls = 2000;
    private const int TypesPerNode = 3;
    private const int MaxInFlight = 16;

    /// <summary>A run stops at this many times the bound; the calls not done by then count as failed.</summary>
    private const int DeadlineInBounds = 3;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    private PutInventoryRequest[] _requests = [];
    private FakeSsmServer _server = null!;
    private AmazonSimpleSystemsManagementClient _client = null!;
    private string _method = "";
    private CancellationTokenSource _deadline = new();
    private int _failed;
    private int _unfinished;
    private string? _firstFailure;

    /// <summary>PutInventory calls per second the fake service's account allows.</summary>
    [Params(100, 50)]
    public int Rate { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Without this the SDK probes the EC2 instance metadata service, which costs seconds off EC2.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _requests = Enumerable.Range(1, Calls).Select(node => new PutInventoryRequest
        {
            InstanceId = $"i-{node:x17}",
            Items = [.. Enumerable.Range(1, TypesPerNode).Select(type => SdkItems.From(InventoryItemData.Create(
                $"Custom:PaceType{type}", "1.0", HostRecordInventory.TypeInfo.WriteContent(HostData.Create(5, (node * TypesPerNode) + type)))))],
        }).ToArray();
    }

    [IterationSetup(Target = nameof(Sequential))]
    public void StartSequential() => Start(nameof(Sequential), RequestRetryMode.Standard, DefaultMaxErrorRetry(RequestRetryMode.Standard));

    [IterationSetup(Target = nameof(UnboundedParallel))]
    public void StartUnboundedParallel() => Start(nameof(UnboundedParallel), RequestRetryMode.Standard, DefaultMaxErrorRetry(RequestRetryMode.Standard));

    [IterationSetup(Target = nameof(BoundedAdaptive))]
    public void StartBoundedAdaptive() => Start(nameof(BoundedAdaptive), RequestRetryMode.Adaptive, DefaultMaxErrorRetry(RequestRetryMode.Adaptive));

    /// <summary>No SDK retries: the pacer sends a throttled call again at its next turn.</summary>
    [IterationSetup(Target = nameof(BoundedPacer))]
    public void StartBoundedPacer() => Start(nameof(BoundedPacer), RequestRetryMode.Standard, maxErrorRetry: 0);

    /// <summary>The baseline: one call after another, the SDK's standard retry mode handling throttles.</summary>
    [Benchmark(Baseline = true)]
    public async Task Sequential()
    {
        foreach (PutInventoryRequest request in _requests)
        {
            await CountFailureAsync(() => _client.PutInventoryAsync(request, _deadline.Token));
        }
    }

    /// <summary>Every call at once, the SDK's standard retry mode handling throttles.</summary>
    [Benchmark]
    public Task UnboundedParallel() =>
        Task.WhenAll(_requests.Select(request => CountFailureAsync(() => _client.PutInventoryAsync(request, _deadline.Token))));

    /// <summary>At most <see cref="MaxInFlight"/> calls under way, the SDK's adaptive retry mode pacing and retrying.</summary>
    [Benchmark]
    public async Task BoundedAdaptive()
    {
        using var slots = new SemaphoreSlim(MaxInFlight);
        await Task.WhenAll(_requests.Select(request => CountFailureAsync(async () =>
        {
            await slots.WaitAsync(_deadline.Token);
            try
            {
                await _client.PutInventoryAsync(request, _deadline.Token);
            }
            finally
            {
                slots.Release();
            }
        })));
    }

    /// <summary>At most <see cref="MaxInFlight"/> calls under way, <see cref="PutInventoryPacer"/> pacing and retrying.</summary>
    [Benchmark]
    public async Task BoundedPacer()
    {
        using var pacer = new PutInventoryPacer(new PacerOptions { MaxInFlight = MaxInFlight }, TimeProvider.System);
        await Task.WhenAll(_requests.Select(request =>
            CountFailureAsync(() => pacer.SendAsync(cancellationToken => _client.PutInventoryAsync(request, cancellationToken), _deadline.Token))));
    }

    /// <summary>Checks what the service holds against the calls that succeeded, then hands the counts to the host.</summary>
    [IterationCleanup]
    public void Count()
    {
        List<RecordedRequest> calls = _server.Requests.Where(r => r.Operation == "PutInventory").ToList();
        int accepted = calls.Count(r => r.StatusCode == 200);
        int throttled = calls.Count(r => r.ErrorType == "ThrottlingException");
        Require(accepted + throttled == calls.Count, $"every answer was accepted or throttled ({calls.Count - accepted - throttled} others)");
        Require(accepted == Calls - _failed, $"the calls that succeeded ({Calls - _failed}) are the ones the service accepted ({accepted})");
        Require(_requests.Count(r => _server.Store.Get(r.InstanceId, "Custom:PaceType1") is not null) == accepted, "the service holds each accepted node's items");
        TrafficLog.Append(TrafficLog.CaseId(_method, (nameof(Rate), Rate)), calls.Count, throttled, _failed);
        if (_failed > 0)
        {
            Console.WriteLine($"{_method} at {Rate}/s: {_failed} calls failed for good, {_unfinished} of them unfinished at the deadline; the first other failure: {_firstFailure ?? "none"}");
        }

        _deadline.Dispose();
        _client.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static int DefaultMaxErrorRetry(RequestRetryMode mode) => new AmazonSimpleSystemsManagementConfig { RetryMode = mode }.MaxErrorRetry;

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Pacing benchmark check failed: {what}.");
        }
    }

    private void Start(string method, RequestRetryMode mode, int maxErrorRetry)
    {
        _method = method;
        _server = FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = Rate, Latency = Latency }).GetAwaiter().GetResult();
        _client = _server.CreateClient(maxErrorRetry, retryMode: mode);

        // A first call pays for the client's start (about half a second); a long-running publisher paid it long ago.
        // ListInventoryEntries is not rate-limited, so the bucket stays full.
        _client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = _requests[0].InstanceId, TypeName = "Custom:PaceType1" })
            .GetAwaiter().GetResult();
        _failed = 0;
        _unfinished = 0;
        _firstFailure = null;
        _deadline = new CancellationTokenSource(TimeSpan.FromSeconds(DeadlineInBounds * (double)Calls / Rate));
    }

    /// <summary>
    /// A call that throws in the end (its retries ran out, the SDK found no capacity, or the deadline passed) failed for good.
    /// </summary>
    private async Task CountFailureAsync(Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (OperationCanceledException) when (_deadline.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.Increment(ref _unfinished);
        }
        catch (Exception error) when (error is AmazonServiceException or AmazonClientException)
        {
            Interlocked.Increment(ref _failed);
            Interlocked.CompareExchange(ref _firstFailure, $"{error.GetType().Name}: {error.Message}", null);
        }
    }
}

/// <summary>
/// Adds to <see cref="BenchmarkConfig"/> the pacing columns: the bound, elapsed / bound, the calls the service received,
/// throttled answers (count and share of the calls), calls that failed for good, and calls accepted per second. Counts
/// are means over the iterations, from <see cref="TrafficLog"/>.
/// </summary>
public sealed class PacingBenchmarkConfig : BenchmarkConfig
{
    public PacingBenchmarkConfig()
    {
        AddColumn(
            Column("Bound (s)", "Calls / Rate: the least time the service's limit allows", (_, bound, _) => bound, "0.0"),
            Column("Elapsed / Bound", "Mean time / Bound; target at most 1.15", (mean, bound, _) => mean / bound, "0.000"),
            Column("Calls", "PutInventory calls the service received, retries included (mean)", (_, _, runs) => runs.Average(r => r[0]), "N0"),
            Column("Throttled", "Throttled answers (mean)", (_, _, runs) => runs.Average(r => r[1]), "N1"),
            Column("Throttled %", "Throttled answers / calls; target at most 5%", (_, _, runs) => 100 * runs.Sum(r => r[1]) / runs.Sum(r => r[0]), "0.00"),
            Column("Failed", "Calls that failed for good (mean); a usable strategy has none", (_, _, runs) => runs.Average(r => r[2]), "N1"),
            Column("Accepted/s", "Calls accepted per second: (2,000 - Failed) / mean time", (mean, _, runs) => (PacingBenchmarks.Calls - runs.Average(r => r[2])) / mean, "0.0"));
    }

    /// <param name="value">From the mean time in seconds, the bound in seconds and each iteration's (calls, throttled, failed).</param>
    private static ComputedColumn Column(string name, string legend, Func<double, double, IReadOnlyList<double[]>, double> value, string format) =>
        new(name, legend, ColumnCategory.Custom, (summary, benchmarkCase) =>
        {
            double rate = Convert.ToDouble(benchmarkCase.Parameters[nameof(PacingBenchmarks.Rate)], CultureInfo.InvariantCulture);
            IReadOnlyList<double[]> runs = TrafficLog.ReadAll(TrafficLog.CaseId(benchmarkCase));
            return summary[benchmarkCase]?.ResultStatistics?.Mean is double nanoseconds && runs.Count > 0
                ? value(nanoseconds / 1e9, PacingBenchmarks.Calls / rate, runs).ToString(format, CultureInfo.InvariantCulture)
                : "?";
        });
}
