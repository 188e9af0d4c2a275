using SsmInventory.Aws.Fleet;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>The running counts of a fleet publish, added to by every node's publish at once.</summary>
internal sealed class PublishCounters
{
    private int _sent;
    private int _unchanged;
    private int _deferred;
    private int _failed;
    private int _requests;
    private int _throttled;

    /// <summary>One PutInventory call made, and whether the service throttled it.</summary>
    public void Request(bool throttled)
    {
        Interlocked.Increment(ref _requests);
        if (throttled)
        {
            Interlocked.Increment(ref _throttled);
        }
    }

    /// <summary>One node's outcomes.</summary>
    public void Add(InventoryPublishReport report)
    {
        foreach (InventoryItemOutcome item in report.Items)
        {
            switch (item.Status)
            {
                case InventoryItemStatus.Sent:
                    Interlocked.Increment(ref _sent);
                    break;
                case InventoryItemStatus.Unchanged:
                    Interlocked.Increment(ref _unchanged);
                    break;
                case InventoryItemStatus.Deferred:
                    Interlocked.Increment(ref _deferred);
                    break;
                default:
                    Interlocked.Increment(ref _failed);
                    break;
            }
        }
    }

    public FleetProgress Snapshot(int nodes, int failedNodes, TimeSpan elapsed, double allowedRate) => new()
    {
        Nodes = nodes,
        FailedNodes = failedNodes,
        Sent = Volatile.Read(ref _sent),
        Unchanged = Volatile.Read(ref _unchanged),
        Deferred = Volatile.Read(ref _deferred),
        Failed = Volatile.Read(ref _failed),
        Requests = Volatile.Read(ref _requests),
        Throttled = Volatile.Read(ref _throttled),
        Elapsed = elapsed,
        AllowedRequestsPerSecond = allowedRate,
    };
}
