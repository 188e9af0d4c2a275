using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SsmInventory.Benchmarks.Model;
using SsmInventory.Metadata;

namespace SsmInventory.Benchmarks;

/// <summary>
/// <see cref="InventoryItemData.Create{T}"/> and <see cref="InventoryItemData.Create(string, string, IReadOnlyList{IReadOnlyDictionary{string, string}}, TimeProvider?)"/>,
/// each against the work it cannot avoid, measured in the same run: writing and hashing the rows for typed values, and
/// hashing the rows for prebuilt ones. What Create adds on top (the copy of prebuilt rows, the item itself) is the ratio.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class CreateBenchmarks
{
    private const string FromValues = "FromValues";
    private const string FromRows = "FromRows";

    private static readonly InventoryTypeInfo<HostRecord> s_info = HostRecordInventory.TypeInfo;

    private HostRecord[] _hosts = [];
    private List<Dictionary<string, string>> _rows = [];

    [Params(1, 100, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hosts = HostData.Create(Rows);
        _rows = s_info.WriteContent(_hosts);

        // Each pair only compares like with like if both hash the same rows.
        string expected = InventoryContentHash.Compute(_rows);
        if (CreateFromValues().ContentHash != expected || CreateFromRows().ContentHash != expected)
        {
            throw new InvalidOperationException("Create hashed other rows than its baseline.");
        }
    }

    /// <summary>The limit for typed values: the rows written and hashed, with no item around them.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(FromValues)]
    public string WriteAndHash() => InventoryContentHash.Compute(s_info.WriteContent(_hosts));

    [Benchmark]
    [BenchmarkCategory(FromValues)]
    public InventoryItemData CreateFromValues() => InventoryItemData.Create(s_info, _hosts);

    /// <summary>The limit for prebuilt rows: the rows hashed, with no item around them.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory(FromRows)]
    public string HashRows() => InventoryContentHash.Compute(_rows);

    [Benchmark]
    [BenchmarkCategory(FromRows)]
    public InventoryItemData CreateFromRows() => InventoryItemData.Create(s_info.TypeName, s_info.SchemaVersion, _rows);
}
