using System.Globalization;
using Spectre.Console;
using SsmInventory.AgentFiles;
using SsmInventory.Publishing;

namespace SsmInventory.Sample;

/// <summary>Prints one row per item of a publish report: type, rows, bytes, ContentHash and what happened.</summary>
internal static class SummaryTable
{
    private static readonly Style s_sent = new(Color.Green);
    private static readonly Style s_unchanged = new(decoration: Decoration.Dim);
    private static readonly Style s_failed = new(Color.Red);

    /// <summary>Prints the table; <paramref name="sizeOf"/> gives an item's size in bytes, or null when unknown.</summary>
    public static void Write(IAnsiConsole console, InventoryPublishReport report, IReadOnlyList<InventoryItemData> items, Func<InventoryItemData, long?> sizeOf)
    {
        Dictionary<string, InventoryItemData> byType = items.ToDictionary(item => item.TypeName, StringComparer.Ordinal);
        Table table = StandardOutput.Table(
            new TableColumn("TypeName"),
            new TableColumn("Rows").RightAligned(),
            new TableColumn("Bytes").RightAligned(),
            new TableColumn("ContentHash"),
            new TableColumn("Status"));
        foreach (InventoryItemOutcome outcome in report.Items)
        {
            // A publisher also reports older items it could not deliver before; this run did not build those.
            byType.TryGetValue(outcome.TypeName, out InventoryItemData? item);
            long? size = item is null ? null : sizeOf(item);
            table.AddRow(
                new Text(outcome.TypeName),
                new Text(item?.Content.Count.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(size?.ToString(CultureInfo.InvariantCulture) ?? "-"),
                new Text(item?.ContentHash ?? "-"),
                outcome.Status switch
                {
                    InventoryItemStatus.Failed => new Text($"Failed ({outcome.ErrorCode}): {outcome.Reason}", s_failed),
                    InventoryItemStatus.Unchanged => new Text(outcome.Status.ToString(), s_unchanged),
                    _ => new Text(outcome.Status.ToString(), s_sent),
                });
        }

        console.Write(table);
        console.WriteLine(
            $"{report.InstanceId}: {report.Sent.Count()} sent, {report.Unchanged.Count()} unchanged, {report.Failed.Count()} failed.");
    }

    /// <summary>The size of the file <paramref name="sink"/> wrote for the item, or null when there is none.</summary>
    public static long? FileSize(AgentFileSink sink, InventoryItemData item)
    {
        var file = new FileInfo(sink.FilePathFor(item.TypeName));
        return file.Exists ? file.Length : null;
    }
}
