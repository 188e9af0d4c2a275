using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

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
        AddColumn(StatisticColumn.Median, new ComputedColumn(
            "Median Ratio",
            "Median of this benchmark / median of the baseline of its group (same run)",
            ColumnCategory.Baseline,
            (summary, benchmarkCase) => ComputedColumn.WithBaseline(summary, benchmarkCase, c => summary[c]?.ResultStatistics?.Median) is (var median, var reference) && reference > 0
                ? (median / reference).ToString("0.00", CultureInfo.InvariantCulture)
                : "?",
            summary => summary.HasBaselines()));
    }
}
