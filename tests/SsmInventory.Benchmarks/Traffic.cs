using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SsmInventory.Benchmarks;

/// <summary>What one benchmark invocation sent to the service: requests, and bytes of request lines, headers and bodies.</summary>
public readonly record struct Traffic(int Requests, long Bytes);

/// <summary>
/// Carries each case's <see cref="Traffic"/> from the benchmark process, where the fake service counts it, to the host
/// process, where BenchmarkDotNet builds the tables. The host names a folder in an environment variable, which the
/// benchmark processes it starts inherit; each case writes one file there.
/// </summary>
public static class TrafficLog
{
    public const string FolderVariable = "SSMINVENTORY_BENCHMARK_TRAFFIC";

    /// <summary>Called by the host before it runs anything: a fresh, empty folder for this run.</summary>
    public static string CreateFolder()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"ssminventory-benchmark-traffic-{Environment.ProcessId}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable(FolderVariable, folder);
        return folder;
    }

    public static void Write(string caseId, Traffic traffic)
    {
        string folder = Environment.GetEnvironmentVariable(FolderVariable)
            ?? throw new InvalidOperationException($"{FolderVariable} is not set; run the benchmarks through Program.Main.");
        File.WriteAllText(PathOf(folder, caseId), FormattableString.Invariant($"{traffic.Requests} {traffic.Bytes}"));
    }

    public static Traffic? Read(string caseId)
    {
        string? folder = Environment.GetEnvironmentVariable(FolderVariable);
        if (folder is null || !File.Exists(PathOf(folder, caseId)))
        {
            return null;
        }

        string[] parts = File.ReadAllText(PathOf(folder, caseId)).Split(' ');
        return new Traffic(int.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>The case's method and parameters in name order, e.g. <c>Publisher-Case=FirstPublish-Latency=0</c>.</summary>
    public static string CaseId(string method, params (string Name, object Value)[] parameters) =>
        string.Join("-", parameters
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")
            .Prepend(method));

    private static string PathOf(string folder, string caseId) => Path.Combine(folder, caseId + ".txt");
}

/// <summary>
/// Adds to <see cref="BenchmarkConfig"/> four columns from <see cref="TrafficLog"/>: requests and bytes sent per
/// invocation, and each as a ratio to the baseline of the same parameters (same run).
/// </summary>
public sealed class TrafficBenchmarkConfig : BenchmarkConfig
{
    public TrafficBenchmarkConfig()
    {
        AddColumn(
            new TrafficColumn("Requests", "Requests made by one invocation", t => t.Requests, ratio: false),
            new TrafficColumn("Requests Ratio", "Requests / the baseline's requests", t => t.Requests, ratio: true),
            new TrafficColumn("Bytes Sent", "Bytes of request lines, headers and bodies sent by one invocation", t => t.Bytes, ratio: false),
            new TrafficColumn("Bytes Ratio", "Bytes sent / the baseline's bytes sent", t => t.Bytes, ratio: true));
    }

    private sealed class TrafficColumn(string name, string legend, Func<Traffic, double> measure, bool ratio) : IColumn
    {
        public string Id => nameof(TrafficColumn) + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ratio ? ColumnCategory.Baseline : ColumnCategory.Custom;

        public int PriorityInCategory => 20;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            double? value = Measure(benchmarkCase);
            if (!ratio)
            {
                return value is double v ? v.ToString("N0", CultureInfo.InvariantCulture) : "?";
            }

            BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
            double? reference = baseline is null ? null : Measure(baseline);
            return value is double c && reference is double r && r > 0 ? (c / r).ToString("0.000", CultureInfo.InvariantCulture) : "?";
        }

        private double? Measure(BenchmarkCase benchmarkCase)
        {
            var parameters = benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value)).ToArray();
            return TrafficLog.Read(TrafficLog.CaseId(benchmarkCase.Descriptor.WorkloadMethod.Name, parameters)) is Traffic t ? measure(t) : null;
        }
    }
}
