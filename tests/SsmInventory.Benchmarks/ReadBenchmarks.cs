using BenchmarkDotNet.Attributes;
using SsmInventory.Benchmarks.Mappers;
using SsmInventory.Benchmarks.Model;
using SsmInventory.Metadata;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Item 2: SSM Content rows (as <c>List&lt;Dictionary&lt;string,string&gt;&gt;</c>, the AWS SDK's shape) back into
/// <see cref="HostRecord"/>s. Baseline: hand-written code. <see cref="Setup"/> checks every approach reads the same values.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchmarkConfig))]
public class ReadBenchmarks
{
    private static readonly InventoryTypeInfo<HostRecord> s_generated = HostRecordInventory.TypeInfo;

    private readonly ReflectionMapper<HostRecord> _reflection = new();
    private readonly JsonRoundTripMapper<HostRecord> _json = new(HostJsonContext.Default.HostRecord);
    private List<Dictionary<string, string>> _rows = [];

    [Params(1, 100, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        HostRecord[] hosts = HostData.Create(Rows);
        _rows = HandWrittenHostMapper.WriteContent(hosts);

        // Each approach's hosts, written back by the hand-written mapper, must give the original rows,
        // and the dates must come back as UTC (the row's text is UTC; a Local or Unspecified kind would be a different value).
        Check("hand-written", hosts, HandWritten());
        Check("generated ReadContent", hosts, Generated());
        Check("generated ReadRow loop", hosts, GeneratedRowLoop());
        Check("reflection", hosts, Reflection());
        Check("System.Text.Json round trip", hosts, SystemTextJson());
    }

    /// <summary>The limit: straight code over the concrete list and dictionaries.</summary>
    [Benchmark(Baseline = true)]
    public List<HostRecord> HandWritten() => HandWrittenHostMapper.ReadContent(_rows);

    /// <summary>What users call: the generated TypeInfo's ReadContent(IEnumerable&lt;IReadOnlyDictionary&lt;string,string&gt;&gt;).</summary>
    [Benchmark]
    public List<HostRecord> Generated() => s_generated.ReadContent(_rows);

    /// <summary>The generated ReadRow in the hand-written loop: the generated per-row code alone, without ReadContent.</summary>
    [Benchmark]
    public List<HostRecord> GeneratedRowLoop()
    {
        List<Dictionary<string, string>> rows = _rows;
        var hosts = new List<HostRecord>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            hosts.Add(s_generated.ReadRow(rows[i], i));
        }

        return hosts;
    }

    [Benchmark]
    public List<HostRecord> Reflection() => _reflection.ReadContent(_rows);

    [Benchmark]
    public List<HostRecord> SystemTextJson() => _json.ReadContent(_rows);

    private void Check(string what, HostRecord[] expected, List<HostRecord> actual)
    {
        RowAssert.Equal(what, _rows, HandWrittenHostMapper.WriteContent([.. actual]));
        for (int i = 0; i < expected.Length; i++)
        {
            if (actual[i].BootTime.Kind != DateTimeKind.Utc)
            {
                throw new InvalidOperationException($"{what}: row {i}: BootTime is {actual[i].BootTime.Kind}, expected Utc.");
            }
        }
    }
}
