using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SsmInventory.Benchmarks;

/// <summary>
/// Adds the Median and a ratio of medians to BenchmarkDotNet's usual columns. On a shared machine other processes only
/// ever add time, in bursts; the median of each benchmark's iterations is less swayed by a burst than the mean, so
/// the ratio of medians is the steadier comparison. BenchmarkDotNet's own Ratio (the mean of the per-iteration ratios)
/// stays in the table next to it.
/// </summary>
public class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddColumn(StatisticColumn.Median, new MedianRatioColumn());
    }

    private sealed class MedianRatioColumn : IColumn
    {
        public string Id => nameof(MedianRatioColumn);

        public string ColumnName => "Median Ratio";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Baseline;

        public int PriorityInCategory => 10;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Median of this benchmark / median of the baseline of its group (same run)";

        public bool IsAvailable(Summary summary) => summary.HasBaselines();

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkCase? baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
            double? current = summary[benchmarkCase]?.ResultStatistics?.Median;
            double? reference = baseline is null ? null : summary[baseline]?.ResultStatistics?.Median;
            return current is double c && reference is double r && r > 0
                ? (c / r).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
                : "?";
        }
    }
}
