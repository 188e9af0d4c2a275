using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BenchmarkDotNet.Attributes;
using SsmInventory.Aws;
using SsmInventory.Benchmarks.Model;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Item 5: publishing 1,000 items (50 managed nodes × 20 custom types; one PutInventory call holds one node's items and
/// at most 20 custom types) through the real AWS SDK to the loopback fake SSM service. Baseline: the naive approach,
/// one PutInventory request with full Content per item. Compared with <see cref="SsmInventoryPublisher"/>, which
/// validates, spools to disk, packs requests and sends unchanged content as a hash only. Besides time and allocations
/// (which include the in-process fake service's work), the table shows the requests and bytes each invocation sent,
/// as the fake service counted them, and the service answers after 0 or 5 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TrafficBenchmarkConfig))]
[InvocationCount(1)]
public class PublisherBenchmarks
{
    private const int Nodes = 50;
    private const int TypesPerNode = 20;
    private const int ChangedEvery = 10;

    private FakeSsmServer _server = null!;
    private AmazonSimpleSystemsManagementClient _client = null!;
    private string _stateRoot = "";
    private string _stateDirectory = "";
    private int _iteration;
    private string[] _nodes = [];
    private InventoryItemData[][] _previous = [];
    private InventoryItemData[][] _current = [];
    private SsmInventoryPublisher[] _publishers = [];
    private InventoryPublishReport[] _reports = [];
    private int _firstRequest;
    private Traffic? _traffic;

    /// <summary>What the service already holds from an earlier publish of the same nodes.</summary>
    public enum History
    {
        /// <summary>Nothing: every item goes with full Content.</summary>
        FirstPublish,

        /// <summary>The same content: the publisher sends hashes only.</summary>
        Unchanged,

        /// <summary>The same content except every tenth item (100 of 1,000).</summary>
        TenPercentChanged,
    }

    [Params(History.FirstPublish, History.Unchanged, History.TenPercentChanged)]
    public History Case { get; set; }

    /// <summary>
    /// Milliseconds the fake service waits before each answer. 0 is loopback, where only local work counts; 5 is a
    /// network round trip, still shorter than a typical call to a regional AWS endpoint.
    /// </summary>
    [Params(0, 5)]
    public int Latency { get; set; }

    [GlobalSetup]
    public async Task Setup()
    {
        // Without this the SDK probes the EC2 instance metadata service, which costs seconds off EC2.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        _server = await FakeSsmServer.StartAsync(TimeSpan.FromMilliseconds(Latency));
        _client = _server.CreateClient();
        _stateRoot = Directory.CreateTempSubdirectory("ssminventory-benchmark-state-").FullName;
        _nodes = Enumerable.Range(1, Nodes).Select(n => $"i-{n:x17}").ToArray();
        _previous = _nodes.Select((_, node) => ItemsOf(node, changed: false)).ToArray();
        _current = Case == History.TenPercentChanged ? _nodes.Select((_, node) => ItemsOf(node, changed: true)).ToArray() : _previous;
    }

    [IterationSetup(Target = nameof(OneRequestPerItem))]
    public void SetupNaive() => _firstRequest = _server.Requests.Count;

    /// <summary>
    /// A fresh state folder, so every iteration starts from the same place; for <see cref="History.Unchanged"/> and
    /// <see cref="History.TenPercentChanged"/> the earlier content is published first, outside the measurement.
    /// </summary>
    [IterationSetup(Target = nameof(Publisher))]
    public void SetupPublisher()
    {
        _stateDirectory = Path.Combine(_stateRoot, $"iteration-{++_iteration}");
        _publishers = _nodes.Select(node => new SsmInventoryPublisher(_client, new SsmInventoryOptions { InstanceId = node, StateDirectory = _stateDirectory })).ToArray();
        if (Case != History.FirstPublish)
        {
            PublishAllAsync(_previous).GetAwaiter().GetResult();
        }

        _firstRequest = _server.Requests.Count;
    }

    /// <summary>The baseline: one PutInventory request per item, always with full Content, one after another.</summary>
    [Benchmark(Baseline = true)]
    public async Task OneRequestPerItem()
    {
        for (int node = 0; node < _nodes.Length; node++)
        {
            foreach (InventoryItemData item in _current[node])
            {
                await _client.PutInventoryAsync(new PutInventoryRequest { InstanceId = _nodes[node], Items = [SdkItems.From(item)] });
            }
        }
    }

    /// <summary>One <see cref="SsmInventoryPublisher.PublishAsync"/> per node, one node after another.</summary>
    [Benchmark]
    public async Task Publisher() => _reports = await PublishAllAsync(_current);

    [IterationCleanup(Target = nameof(OneRequestPerItem))]
    public void CheckNaive() => CheckIteration(nameof(OneRequestPerItem));

    [IterationCleanup(Target = nameof(Publisher))]
    public void CheckPublisher()
    {
        int changed = Case switch
        {
            History.FirstPublish => Nodes * TypesPerNode,
            History.Unchanged => 0,
            _ => Nodes * TypesPerNode / ChangedEvery,
        };
        Require(_reports.All(r => r.Succeeded), "every publish succeeded");
        Require(_reports.Sum(r => r.Sent.Count()) == changed, $"{changed} items sent with full Content");
        Require(_reports.Sum(r => r.Unchanged.Count()) == (Nodes * TypesPerNode) - changed, "the rest sent as hashes only");
        CheckIteration(nameof(Publisher));
        Directory.Delete(_stateDirectory, recursive: true);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_stateRoot, recursive: true);
    }

    private async Task<InventoryPublishReport[]> PublishAllAsync(InventoryItemData[][] items)
    {
        var reports = new InventoryPublishReport[_nodes.Length];
        for (int node = 0; node < _nodes.Length; node++)
        {
            reports[node] = await _publishers[node].PublishAsync(items[node]);
        }

        return reports;
    }

    /// <summary>
    /// Checks that the service holds exactly the current items, and that this iteration's traffic equals every earlier
    /// iteration's (it is deterministic); then hands the traffic to the host for the table.
    /// </summary>
    private void CheckIteration(string method)
    {
        List<RecordedRequest> requests = _server.Requests.Skip(_firstRequest).ToList();
        Require(requests.All(r => r.Operation == "PutInventory" && r.StatusCode == 200), "every request was a PutInventory the service accepted");
        for (int node = 0; node < _nodes.Length; node++)
        {
            foreach (InventoryItemData item in _current[node])
            {
                Require(_server.Store.Get(_nodes[node], item.TypeName)?.ContentHash == item.ContentHash, $"{_nodes[node]} holds the current {item.TypeName}");
            }
        }

        var traffic = new Traffic(requests.Count, requests.Sum(r => (long)r.HeadBytes + r.BodyBytes));
        Require(_traffic is null || _traffic == traffic, $"the same traffic as the earlier iterations ({_traffic}, now {traffic})");
        _traffic = traffic;
        TrafficLog.Write(TrafficLog.CaseId(method, (nameof(Case), Case), (nameof(Latency), Latency)), traffic);
    }

    /// <summary>Node <paramref name="node"/>'s 20 items of 1 to 40 rows of <see cref="HostRecord"/>; about 10 KB on average.</summary>
    private static InventoryItemData[] ItemsOf(int node, bool changed) =>
        Enumerable.Range(0, TypesPerNode).Select(type =>
        {
            int index = (node * TypesPerNode) + type;
            int seed = changed && index % ChangedEvery == 0 ? -index - 1 : index;
            HostRecord[] hosts = HostData.Create(1 + (index * 7 % 40), seed);
            return InventoryItemData.Create($"Custom:BenchmarkType{type + 1:00}", "1.0", HostRecordInventory.TypeInfo.WriteContent(hosts));
        }).ToArray();

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Publisher benchmark check failed: {what}.");
        }
    }
}
