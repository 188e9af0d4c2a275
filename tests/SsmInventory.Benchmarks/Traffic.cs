using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SsmInventory.Benchmarks;

/// <summary>What one benchmark invocation sent to the service: requests, and bytes of request lines, headers and bodies.</summary>
public readonly record struct Traffic(int Requests, long Bytes);

/// <summary>
/// Carries each case's numbers (<see cref="Traffic"/>, or the pacing benchmark's counts) from the benchmark process,
/// where the fake service counts them, to the host process, where BenchmarkDotNet builds the tables. The host names a
/// folder in an environment variable, which the benchmark processes it starts inherit; each case appends a line per
/// invocation to a file of its own there.
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

    public static void Write(string caseId, Traffic traffic) => Append(caseId, traffic.Requests, traffic.Bytes);

    /// <summary>The traffic of the case's last invocation.</summary>
    public static Traffic? Read(string caseId) =>
        ReadAll(caseId) is [.., var last] ? new Traffic((int)last[0], (long)last[1]) : null;

    /// <summary>Adds one invocation's numbers to the case's file.</summary>
    public static void Append(string caseId, params double[] values)
    {
        string folder = Environment.GetEnvironmentVariable(FolderVariable)
            ?? throw new InvalidOperationException($"{FolderVariable} is not set; run the benchmarks through Program.Main.");
        File.AppendAllText(PathOf(folder, caseId), string.Join(' ', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "\n");
    }

    /// <summary>Every invocation's numbers, in the order they were written; empty when there are none.</summary>
    public static IReadOnlyList<double[]> ReadAll(string caseId)
    {
        string? folder = Environment.GetEnvironmentVariable(FolderVariable);
        return folder is null || !File.Exists(PathOf(folder, caseId))
            ? []
            : File.ReadAllLines(PathOf(folder, caseId))
                .Select(line => line.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
                .ToList();
    }

    /// <summary>The case's method and parameters in name order, e.g. <c>Publisher-Case=FirstPublish-Latency=0</c>.</summary>
    public static string CaseId(string method, params (string Name, object Value)[] parameters) =>
        string.Join("-", parameters
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={Convert.ToString(p.Value, CultureInfo.InvariantCulture)}")
            .Prepend(method));

    /// <summary>The id under which a benchmark process wrote <paramref name="benchmarkCase"/>'s numbers.</summary>
    public static string CaseId(BenchmarkCase benchmarkCase) =>
        CaseId(benchmarkCase.Descriptor.WorkloadMethod.Name, benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value)).ToArray());

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
            Column("Requests", "Requests made by one invocation", t => t.Requests, ratio: false),
            Column("Requests Ratio", "Requests / the baseline's requests", t => t.Requests, ratio: true),
            Column("Bytes Sent", "Bytes of request lines, headers and bodies sent by one invocation", t => t.Bytes, ratio: false),
            Column("Bytes Ratio", "Bytes sent / the baseline's bytes sent", t => t.Bytes, ratio: true));
    }

    private static ComputedColumn Column(string name, string legend, Func<Traffic, double> measure, bool ratio) =>
        new(name, legend, ratio ? ColumnCategory.Baseline : ColumnCategory.Custom, (summary, benchmarkCase) =>
        {
            double? Measure(BenchmarkCase c) => TrafficLog.Read(TrafficLog.CaseId(c)) is Traffic t ? measure(t) : null;
            if (!ratio)
            {
                return Measure(benchmarkCase) is double v ? v.ToString("N0", CultureInfo.InvariantCulture) : "?";
            }

            return ComputedColumn.WithBaseline(summary, benchmarkCase, Measure) is (var value, var reference) && reference > 0
                ? (value / reference).ToString("0.000", CultureInfo.InvariantCulture)
                : "?";
        });
}
