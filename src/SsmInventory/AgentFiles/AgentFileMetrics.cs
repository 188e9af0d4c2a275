using System.Diagnostics;
using System.Diagnostics.Metrics;
using SsmInventory.Publishing;

namespace SsmInventory.AgentFiles;

/// <summary>
/// The agent file sink's instrument, on the meter <c>SsmInventory</c> that the PutInventory publisher of SsmInventory.Aws
/// also uses, so that one <c>AddMeter("SsmInventory")</c> collects both. Tags hold TypeNames and error codes, never values.
/// </summary>
internal static class AgentFileMetrics
{
    private static readonly Meter s_meter = new("SsmInventory");

    private static readonly Counter<long> s_items = s_meter.CreateCounter<long>(
        "ssm_inventory.agent_file.items", "{item}", "Items the agent file sink handled, by what became of each: written, unchanged or failed.");

    public static void Record(InventoryItemOutcome outcome)
    {
        if (!s_items.Enabled)
        {
            return;
        }

        var tags = new TagList
        {
            { "ssm_inventory.item.status", StatusOf(outcome.Status) },
            { "ssm_inventory.type_name", outcome.TypeName },
        };
        if (outcome.ErrorCode is not null)
        {
            tags.Add("error.type", outcome.ErrorCode);
        }

        s_items.Add(1, tags);
    }

    private static string StatusOf(InventoryItemStatus status) => status switch
    {
        InventoryItemStatus.Sent => "written",
        InventoryItemStatus.Unchanged => "unchanged",
        _ => "failed", // the sink reports no other status
    };
}
