using Microsoft.Extensions.Time.Testing;
using SsmInventory.Aws.Fleet;
using SsmInventory.Aws.Publishing;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

/// <summary>
/// <see cref="SsmInventoryFleetPublisher"/> against the fake service with an account-wide rate limit: every node stored
/// once per change, throttles absorbed, bad nodes and rejected items reported without stopping the rest, the daily
/// quota, and one process per state folder.
/// </summary>
public sealed class FleetPublisherTests : IAsyncLifetime
{
    private static readonly string[] s_types = ["Custom:FleetOwner", "Custom:FleetCost", "Custom:FleetApp"];

    private readonly TempDirectory _state = new();
    private FakeSsmServer _server = null!;
    private Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient _client = null!;

    public async Task InitializeAsync()
    {
        // 40 calls a second with a burst of 5: a fleet of 60 nodes needs over a second and must find the pace.
        _server = await FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = 40, PutInventoryBurst = 5 });
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Every_node_is_stored_once_and_throttled_calls_are_sent_again_at_the_pace_found()
    {
        string[] nodes = Nodes(60);
        FleetPublishReport report = await Publisher().PublishAsync(Fleet(nodes, version: 1));

        Assert.True(report.Succeeded, string.Join("; ", report.FailedNodes.SelectMany(n => n.Failed)));
        Assert.Equal((60, 180, 0, 0), (report.Nodes.Count, report.Totals.Sent, report.Totals.Unchanged, report.Totals.Failed));
        AssertStored(nodes, version: 1);

        // One accepted call per node, and every throttled answer counted as the service counted it.
        List<RecordedRequest> puts = Puts();
        Assert.Equal(60, puts.Count(p => p.StatusCode == 200));
        Assert.Equal(puts.Count(p => p.ErrorType == "ThrottlingException"), report.Totals.Throttled);
        Assert.Equal(puts.Count, report.Totals.Requests);
        Assert.True(report.Totals.Throttled > 0, "The rate limit was never reached; the test does not exercise pacing.");
        Assert.Equal(60, puts.Where(p => p.StatusCode == 200).Select(p => p.InstanceId).Distinct().Count());
    }

    [Fact]
    public async Task A_rerun_sends_full_content_only_for_what_changed()
    {
        string[] nodes = Nodes(20);
        await Publisher().PublishAsync(Fleet(nodes, version: 1));
        int before = Puts().Count;

        // Every tenth node changes one type; the rest is unchanged.
        FleetPublishReport rerun = await Publisher().PublishAsync(Fleet(nodes, version: 1, changedEvery: 10));

        Assert.Equal((2, 58, 0), (rerun.Totals.Sent, rerun.Totals.Unchanged, rerun.Totals.Failed));
        List<RecordedItem> full = Puts().Skip(before).Where(p => p.StatusCode == 200).SelectMany(p => p.Items).Where(i => i.HasContent).ToList();
        Assert.Equal(2, full.Count);
        Assert.Equal(nodes.Where((_, i) => i % 10 == 0).Order(), Puts().Skip(before).Where(p => p.Items.Any(i => i.HasContent) && p.StatusCode == 200).Select(p => p.InstanceId!).Order());
    }

    [Fact]
    public async Task A_bad_node_id_a_refused_node_and_an_item_over_a_limit_fail_alone()
    {
        string[] nodes = Nodes(6);
        _server.Store.RejectInstance(nodes[2]);
        InventoryItemData tooBig = Items.Make("Custom:FleetOwner", rows: 1, valueLength: InventoryLimits.MaxAttributeValueBytes + 1);
        FleetNode[] input =
        [
            .. Fleet(nodes, version: 1).ToBlockingEnumerable().Take(4),
            new FleetNode("i-bad", [Items.Make("Custom:FleetOwner")]),
            new FleetNode(nodes[4], [tooBig]),
            .. Fleet(nodes[5..], version: 1).ToBlockingEnumerable(),
        ];

        FleetPublishReport report = await Publisher().PublishAsync(input.ToAsyncEnumerable());

        Assert.False(report.Succeeded);
        Dictionary<string, InventoryPublishReport> byNode = report.Nodes.ToDictionary(n => n.InstanceId);
        Assert.Equal("ValidationFailed", Assert.Single(byNode["i-bad"].Items).ErrorCode);
        Assert.Contains("is not a managed node id", byNode["i-bad"].Items[0].Reason);
        Assert.All(byNode[nodes[2]].Items, i => Assert.Equal("InvalidInstanceId", i.ErrorCode));
        InventoryItemOutcome overLimit = Assert.Single(byNode[nodes[4]].Items);
        Assert.Equal("ValidationFailed", overLimit.ErrorCode);
        Assert.Contains("4096", overLimit.Reason);
        AssertStored([nodes[0], nodes[1], nodes[3], nodes[5]], version: 1);
        Assert.Equal(3, report.FailedNodes.Count());
    }

    [Fact]
    public async Task A_node_given_twice_is_published_once_and_the_second_is_reported()
    {
        string node = Nodes(1)[0];
        FleetNode[] input = [new(node, [Items.Make("Custom:FleetOwner", seed: "first")]), new(node, [Items.Make("Custom:FleetOwner", seed: "second")])];

        FleetPublishReport report = await Publisher(maxConcurrency: 1).PublishAsync(input.ToAsyncEnumerable());

        Assert.Equal([InventoryItemStatus.Sent, InventoryItemStatus.Failed], report.Nodes.Select(n => n.Items[0].Status));
        Assert.Equal("DuplicateNode", report.Nodes[1].Items[0].ErrorCode);
        Assert.Equal(Items.Make("Custom:FleetOwner", seed: "first").ContentHash, _server.Store.Get(node, "Custom:FleetOwner")!.ContentHash);
    }

    [Fact]
    public async Task Items_over_the_daily_quota_are_deferred_kept_and_sent_after_midnight_utc()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 8, 22, 0, 0, TimeSpan.Zero));
        string node = Nodes(1)[0];

        // Two items of about 1.5 KB each against a quota of 2.5 KB: the first fits, the second waits.
        InventoryItemData first = Items.Make("Custom:FleetOwner", rows: 3, seed: "a", valueLength: 450);
        InventoryItemData second = Items.Make("Custom:FleetCost", rows: 3, seed: "b", valueLength: 450);
        SsmInventoryFleetPublisher publisher = Publisher(dailyBytes: 2_500, clock: clock);

        FleetPublishReport today = await publisher.PublishAsync(new[] { new FleetNode(node, [first, second]) }.ToAsyncEnumerable());

        Assert.Equal([InventoryItemStatus.Sent, InventoryItemStatus.Deferred], today.Nodes[0].Items.Select(i => i.Status));
        Assert.Equal(PublishRun.DailyQuotaCode, today.Nodes[0].Items[1].ErrorCode);
        Assert.Null(_server.Store.Get(node, "Custom:FleetCost"));
        Assert.True(today.Succeeded, "A deferred item is not a failure.");

        // Later the same day, with nothing new: the spooled item is still kept back.
        FleetPublishReport later = await publisher.PublishAsync(AsyncEnumerable.Empty<FleetNode>());
        Assert.Equal(InventoryItemStatus.Deferred, Assert.Single(later.Nodes[0].Items).Status);

        // After midnight UTC the quota is new, and the spool delivers it without being given it again.
        clock.Advance(TimeSpan.FromHours(2));
        FleetPublishReport tomorrow = await publisher.PublishAsync(AsyncEnumerable.Empty<FleetNode>());
        Assert.Equal(InventoryItemStatus.Sent, Assert.Single(tomorrow.Nodes[0].Items).Status);
        Assert.Equal(second.ContentHash, _server.Store.Get(node, "Custom:FleetCost")!.ContentHash);
    }

    [Fact]
    public async Task A_second_publisher_on_the_same_state_folder_gets_a_clear_error_while_the_first_runs()
    {
        var release = new TaskCompletionSource();
        async IAsyncEnumerable<FleetNode> Slow()
        {
            yield return new FleetNode(Nodes(1)[0], [Items.Make("Custom:FleetOwner")]);
            await release.Task;
        }

        Task<FleetPublishReport> first = Publisher().PublishAsync(Slow());
        await Task.Delay(200);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Publisher().PublishAsync(AsyncEnumerable.Empty<FleetNode>()));
        Assert.Contains(_state.Path, error.Message);
        Assert.Contains("Only one process may use a state folder at a time", error.Message);

        release.SetResult();
        Assert.True((await first).Succeeded);
        Assert.True((await Publisher().PublishAsync(AsyncEnumerable.Empty<FleetNode>())).Succeeded);
    }

    [Fact]
    public async Task Cancelling_stops_taking_nodes_and_the_next_run_resumes()
    {
        string[] nodes = Nodes(30);
        using var cancel = new CancellationTokenSource();
        int taken = 0;
        async IAsyncEnumerable<FleetNode> CancelAfterTen()
        {
            await foreach (FleetNode node in Fleet(nodes, version: 1))
            {
                if (++taken == 10)
                {
                    cancel.Cancel();
                }

                yield return node;
            }
        }

        FleetPublishReport stopped = await Publisher().PublishAsync(CancelAfterTen(), cancellationToken: cancel.Token);

        Assert.True(stopped.Cancelled);
        Assert.False(stopped.Succeeded);
        Assert.InRange(stopped.Nodes.Count, 1, 10);

        FleetPublishReport resumed = await Publisher().PublishAsync(Fleet(nodes, version: 1));
        Assert.True(resumed.Succeeded);
        AssertStored(nodes, version: 1);
        Assert.Equal(90, stopped.Totals.Sent + resumed.Totals.Sent);
    }

    [Fact]
    public async Task Progress_is_reported_after_every_node()
    {
        var seen = new List<FleetProgress>();
        var progress = new SynchronousProgress(seen);

        FleetPublishReport report = await Publisher().PublishAsync(Fleet(Nodes(8), version: 1), progress);

        Assert.Equal(8, seen.Count);
        Assert.Equal(Enumerable.Range(1, 8), seen.Select(p => p.Nodes).Order());
        Assert.Equal(report.Totals.Sent, seen.Max(p => p.Sent));
    }

    private SsmInventoryFleetPublisher Publisher(int maxConcurrency = 4, long dailyBytes = InventoryLimits.MaxBytesPerNodePerDay, TimeProvider? clock = null) =>
        new(_client, new SsmInventoryFleetOptions { StateDirectory = _state.Path, MaxConcurrency = maxConcurrency, DailyBytesPerNode = dailyBytes }, timeProvider: clock);

    private List<RecordedRequest> Puts() => _server.Requests.Where(r => r.Operation == "PutInventory").ToList();

    private static string[] Nodes(int count) => Enumerable.Range(1, count).Select(n => $"i-{n:x17}").ToArray();

    private static async IAsyncEnumerable<FleetNode> Fleet(string[] nodes, int version, int changedEvery = 0)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            bool changed = changedEvery > 0 && i % changedEvery == 0;
            yield return new FleetNode(nodes[i], [.. s_types.Select((type, t) => Items.Make(type, seed: $"{nodes[i]}-{version}-{(changed && t == 0 ? "changed" : "same")}"))]);
            await Task.Yield();
        }
    }

    private void AssertStored(IEnumerable<string> nodes, int version)
    {
        foreach (string node in nodes)
        {
            foreach ((string type, int t) in s_types.Select((type, t) => (type, t)))
            {
                Assert.Equal(Items.Make(type, seed: $"{node}-{version}-same").ContentHash, _server.Store.Get(node, type)?.ContentHash);
            }
        }
    }

    /// <summary>Records each report on the reporting thread, unlike <see cref="Progress{T}"/>, which posts them later.</summary>
    private sealed class SynchronousProgress(List<FleetProgress> seen) : IProgress<FleetProgress>
    {
        public void Report(FleetProgress value)
        {
            lock (seen)
            {
                seen.Add(value);
            }
        }
    }
}
