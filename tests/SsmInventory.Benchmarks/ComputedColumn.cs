using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SsmInventory.Benchmarks;

/// <summary>A table column whose cells a function computes from the summary and the case.</summary>
public sealed class ComputedColumn(
    string name, string legend, ColumnCategory category, Func<Summary, BenchmarkCase, string> value, Func<Summary, bool>? isAvailable = null) : IColumn
{
    public string Id => nameof(ComputedColumn) + name;

    public string ColumnName => name;

    public bool AlwaysShow => true;

    public ColumnCategory Category => category;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public bool IsAvailable(Summary summary) => isAvailable?.Invoke(summary) ?? true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => value(summary, benchmarkCase);

    /// <summary>The case's value and the baseline's of its group, or null where either is missing.</summary>
    public static (double Case, double Baseline)? WithBaseline(Summary summary, BenchmarkCase benchmarkCase, Func<BenchmarkCase, double?> measure)
    {
        BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        return measure(benchmarkCase) is double value && baseline is not null && measure(baseline) is double reference
            ? (value, reference)
            : null;
    }
}
