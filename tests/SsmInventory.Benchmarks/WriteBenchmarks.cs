using BenchmarkDotNet.Attributes;
using SsmInventory.Benchmarks.Mappers;
using SsmInventory.Benchmarks.Model;
using SsmInventory.Metadata;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Item 1: instances of the 12-attribute <see cref="HostRecord"/> to SSM Content rows. Baseline: hand-written code.
/// Every approach produces the same rows; <see cref="Setup"/> checks that before anything is measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class WriteBenchmarks
{
    private static readonly InventoryTypeInfo<HostRecord> s_generated = HostRecordInventory.TypeInfo;

    private readonly ReflectionMapper<HostRecord> _reflection = new();
    private readonly JsonRoundTripMapper<HostRecord> _json = new(HostJsonContext.Default.HostRecord);
    private HostRecord[] _hosts = [];

    [Params(1, 100, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hosts = HostData.Create(Rows);
        List<Dictionary<string, string>> expected = HandWritten();
        RowAssert.Equal("generated WriteContent", expected, Generated());
        RowAssert.Equal("generated WriteRow loop", expected, GeneratedRowLoop());
        RowAssert.Equal("reflection", expected, Reflection());
        RowAssert.Equal("System.Text.Json round trip", expected, SystemTextJson());
    }

    /// <summary>The limit: straight code over the array.</summary>
    [Benchmark(Baseline = true)]
    public List<Dictionary<string, string>> HandWritten() => HandWrittenHostMapper.WriteContent(_hosts);

    /// <summary>What users call: the generated TypeInfo's WriteContent(IEnumerable&lt;T&gt;).</summary>
    [Benchmark]
    public List<Dictionary<string, string>> Generated() => s_generated.WriteContent(_hosts);

    /// <summary>The generated WriteRow in the hand-written loop: the generated per-row code alone, without WriteContent.</summary>
    [Benchmark]
    public List<Dictionary<string, string>> GeneratedRowLoop()
    {
        HostRecord[] hosts = _hosts;
        var content = new List<Dictionary<string, string>>(hosts.Length);
        for (int i = 0; i < hosts.Length; i++)
        {
            content.Add(s_generated.WriteRow(hosts[i]));
        }

        return content;
    }

    [Benchmark]
    public List<Dictionary<string, string>> Reflection() => _reflection.WriteContent(_hosts);

    [Benchmark]
    public List<Dictionary<string, string>> SystemTextJson() => _json.WriteContent(_hosts);
}
