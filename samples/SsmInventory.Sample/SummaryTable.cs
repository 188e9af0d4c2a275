using System.Globalization;
using SsmInventory.AgentFiles;
using SsmInventory.Publishing;

namespace SsmInventory.Sample;

/// <summary>Prints one line per item of a publish report: type, rows, bytes, ContentHash and what happened.</summary>
internal static class SummaryTable
{
    /// <summary>Prints the table; <paramref name="sizeOf"/> gives an item's size in bytes, or null when unknown.</summary>
    public static void Write(TextWriter output, InventoryPublishReport report, IReadOnlyList<InventoryItemData> items, Func<InventoryItemData, long?> sizeOf)
    {
        Dictionary<string, InventoryItemData> byType = items.ToDictionary(item => item.TypeName, StringComparer.Ordinal);
        var lines = new List<string[]> { new[] { "TypeName", "Rows", "Bytes", "ContentHash", "Status" } };
        foreach (InventoryItemOutcome outcome in report.Items)
        {
            // A publisher also reports older items it could not deliver before; this run did not build those.
            byType.TryGetValue(outcome.TypeName, out InventoryItemData? item);
            long? size = item is null ? null : sizeOf(item);
            lines.Add(
            [
                outcome.TypeName,
                item?.Content.Count.ToString(CultureInfo.InvariantCulture) ?? "-",
                size?.ToString(CultureInfo.InvariantCulture) ?? "-",
                item?.ContentHash ?? "-",
                outcome.Status == InventoryItemStatus.Failed ? $"Failed ({outcome.ErrorCode}): {outcome.Reason}" : outcome.Status.ToString(),
            ]);
        }

        // The status is last and not padded, so a long reason does not widen the other columns.
        int[] widths = Enumerable.Range(0, 4).Select(column => lines.Max(line => line[column].Length)).ToArray();
        foreach (string[] line in lines)
        {
            output.WriteLine(
                $"{line[0].PadRight(widths[0])}  {line[1].PadLeft(widths[1])}  {line[2].PadLeft(widths[2])}  {line[3].PadRight(widths[3])}  {line[4]}");
        }

        output.WriteLine(
            $"{report.InstanceId}: {report.Sent.Count()} sent, {report.Unchanged.Count()} unchanged, {report.Failed.Count()} failed.");
    }

    /// <summary>The size of the file <paramref name="sink"/> wrote for the item, or null when there is none.</summary>
    public static long? FileSize(AgentFileSink sink, InventoryItemData item)
    {
        var file = new FileInfo(sink.FilePathFor(item.TypeName));
        return file.Exists ? file.Length : null;
    }
}
