using System.Globalization;
using Spectre.Console;
using SsmInventory.Aws.Fleet;
using SsmInventory.Publishing;

namespace SsmInventory.Sample;

/// <summary>
/// The fleet mode's results on stdout: one count per line (what a check would send, or what a publish did), then the
/// nodes that failed.
/// </summary>
internal static class FleetSummary
{
    /// <summary>Failed nodes listed one per line; the rest are counted.</summary>
    private const int MaxFailedNodesShown = 20;

    private static readonly Style s_failed = new(Color.Red);

    /// <summary>What publishing the checked file would send.</summary>
    public static void WritePlan(IAnsiConsole console, FleetCsv fleet) =>
        WriteCounts(console, [
            ("Nodes", Count(fleet.Nodes)),
            ("Rows", Count(fleet.Rows)),
            ("Rows with errors", Count(fleet.BadRows)),
            ("Items", Count(fleet.Nodes)),

            // One item per node, and an item is under 200 KB, so each node takes one PutInventory call.
            ("Requests", Count(fleet.Nodes)),
            ("Bytes", Count(fleet.Bytes)),
        ]);

    /// <summary>What the publish did, the rows the check left out, and the nodes that failed with why.</summary>
    public static void WriteReport(IAnsiConsole console, FleetPublishReport report, int badRows)
    {
        FleetProgress totals = report.Totals;
        WriteCounts(console, [
            ("Nodes", Count(totals.Nodes)),
            ("Nodes failed", Count(totals.FailedNodes)),
            ("Rows with errors", Count(badRows)),
            ("Items sent in full", Count(totals.Sent)),
            ("Items hash-only (unchanged)", Count(totals.Unchanged)),
            ("Items deferred", Count(totals.Deferred)),
            ("Items failed", Count(totals.Failed)),
            ("Requests", Count(totals.Requests)),
            ("Throttled", Count(totals.Throttled)),
            ("Elapsed", totals.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s"),
            ("Requests per second", totals.RequestsPerSecond.ToString("F1", CultureInfo.InvariantCulture)),
        ]);

        if (report.Cancelled)
        {
            console.WriteLine("Cancelled: the nodes not yet taken were not sent, and what the calls in flight did not deliver is spooled. Run again with the same --state to resume.");
        }

        List<InventoryPublishReport> failed = report.FailedNodes.ToList();
        foreach (InventoryPublishReport node in failed.Take(MaxFailedNodesShown))
        {
            InventoryItemOutcome outcome = node.Failed.First();
            console.Write(new Text($"{node.InstanceId}  {outcome.ErrorCode}  {outcome.Reason}", s_failed));
            console.WriteLine();
        }

        if (failed.Count > MaxFailedNodesShown)
        {
            console.WriteLine($"and {failed.Count - MaxFailedNodesShown} more failed nodes.");
        }
    }

    private static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    private static void WriteCounts(IAnsiConsole console, (string Name, string Value)[] counts)
    {
        Table table = StandardOutput.Table(new TableColumn("Count"), new TableColumn("Value").RightAligned()).HideHeaders();
        foreach ((string name, string value) in counts)
        {
            table.AddRow(new Text(name), new Text(value));
        }

        console.Write(table);
    }
}
