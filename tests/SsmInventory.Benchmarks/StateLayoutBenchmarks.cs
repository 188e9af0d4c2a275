using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SsmInventory.Aws.State;
using SsmInventory.Benchmarks.Model;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Issue 11, point 3: the publisher's state for 10,000 nodes (3 custom types each, every one accepted once), kept as
/// today's folder of files per node (baseline) or in one SQLite database (WAL, synchronous=FULL, one transaction per
/// step). Measured: the state work of one node's publish whose one request is accepted (open, load hashes and spool,
/// spool the items before the call, record the accepted hashes, empty the spool), and opening every node's state as a
/// fleet run does. The number of files and the disk space are printed by the setup (lines starting <c>// state:</c>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StateLayoutBenchmarks
{
    private const int Nodes = 10_000;
    private const int TypesPerNode = 3;

    private string _directory = "";
    private string[] _nodes = [];
    private SpoolEntry[] _entries = [];
    private Dictionary<string, string> _hashes = [];
    private FleetStateDatabase? _database;
    private int _next;

    private bool _sqlite;

    [GlobalSetup(Targets = [nameof(FolderPerNodeAcceptedRequest), nameof(FolderPerNodeOpenEveryNode)])]
    public void SetupFolders() => Setup(sqlite: false);

    [GlobalSetup(Targets = [nameof(SqliteAcceptedRequest), nameof(SqliteOpenEveryNode)])]
    public void SetupSqlite() => Setup(sqlite: true);

    private void Setup(bool sqlite)
    {
        _sqlite = sqlite;
        _directory = Directory.CreateTempSubdirectory("ssminventory-benchmark-layout-").FullName;
        _nodes = Enumerable.Range(1, Nodes).Select(n => $"i-{n:x17}").ToArray();

        // Three items of 5 to 15 host rows, about 1-3 KB of Content each, like a CMDB record or a small custom type.
        _entries = Enumerable.Range(0, TypesPerNode)
            .Select(type => new SpoolEntry(InventoryItemData.Create(
                $"Custom:LayoutType{type + 1}", "1.0", HostRecordInventory.TypeInfo.WriteContent(HostData.Create(5 + (type * 5), type)))))
            .ToArray();
        _hashes = _entries.ToDictionary(e => e.Item.TypeName, e => e.Item.ContentHash, StringComparer.Ordinal);
        if (sqlite)
        {
            _database = FleetStateDatabase.Open(_directory);
        }

        var populate = Stopwatch.StartNew();
        foreach (string node in _nodes)
        {
            PublishOne(node);
        }

        populate.Stop();
        (int files, int folders, long bytes) = CountFiles(_directory);
        Console.WriteLine(
            $"// state: {(sqlite ? "SQLite" : "folder per node")} for {Nodes:N0} nodes: {files:N0} files in {folders:N0} folders, {bytes:N0} bytes of files, "
            + $"{DiskUsage(_directory):N0} bytes on disk (du), populated in {populate.Elapsed.TotalSeconds:N1} s");
    }

    /// <summary>The state work of one node's publish whose one request the service accepts.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("AcceptedRequest")]
    public void FolderPerNodeAcceptedRequest() => PublishOne(_nodes[_next++ % Nodes]);

    /// <inheritdoc cref="FolderPerNodeAcceptedRequest"/>
    [Benchmark]
    [BenchmarkCategory("AcceptedRequest")]
    public void SqliteAcceptedRequest() => PublishOne(_nodes[_next++ % Nodes]);

    /// <summary>What a fleet run does first for every node: open its state and load its hashes and spool (time per node).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Nodes)]
    [BenchmarkCategory("OpenEveryNode")]
    public int FolderPerNodeOpenEveryNode() => OpenEveryNode();

    /// <inheritdoc cref="FolderPerNodeOpenEveryNode"/>
    [Benchmark(OperationsPerInvoke = Nodes)]
    [BenchmarkCategory("OpenEveryNode")]
    public int SqliteOpenEveryNode() => OpenEveryNode();

    private int OpenEveryNode()
    {
        // A fresh run opens the database anew; the setup's instance lets go of the lock first.
        _database?.Dispose();
        _database = null;
        int loaded = 0;
        using FleetStateDatabase? database = _sqlite ? FleetStateDatabase.Open(_directory) : null;
        foreach (string node in _nodes)
        {
            using INodeState state = Open(database, node);
            loaded += state.LoadHashes(out _).Count + state.LoadSpool(out _).Count;
        }

        if (loaded != Nodes * TypesPerNode)
        {
            throw new InvalidOperationException($"State layout check failed: {loaded} hashes and spooled items loaded, expected {Nodes * TypesPerNode}.");
        }

        return loaded;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _database?.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private void PublishOne(string node)
    {
        using INodeState state = Open(_database, node);
        state.LoadHashes(out _);
        state.LoadSpool(out _);
        state.Spool(_entries);

        // New Content was accepted, so the hashes change.
        state.SaveAccepted(_hashes, hashesChanged: true, contentBytes: 6_000, DateOnly.FromDateTime(DateTime.UtcNow));
        state.ReplaceSpool([]);
    }

    private INodeState Open(FleetStateDatabase? database, string node) =>
        database is not null ? database.ForNode(node) : NodeState.OpenAsync(_directory, node, CancellationToken.None).GetAwaiter().GetResult();

    private static (int Files, int Folders, long Bytes) CountFiles(string directory)
    {
        var files = new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        int folders = Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).Count();
        return (files.Count, folders, files.Sum(f => f.Length));
    }

    private static long DiskUsage(string directory)
    {
        using var du = Process.Start(new ProcessStartInfo("du", ["-s", "--block-size=1", directory]) { RedirectStandardOutput = true })!;
        string output = du.StandardOutput.ReadToEnd();
        du.WaitForExit();
        return long.Parse(output.Split('\t')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
