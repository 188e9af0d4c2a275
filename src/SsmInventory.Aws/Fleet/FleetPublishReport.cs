using SsmInventory.Publishing;

namespace SsmInventory.Aws.Fleet;

/// <summary>Counts of a fleet publish so far: what <see cref="SsmInventoryFleetPublisher"/> reports as it goes, and at the end.</summary>
public sealed record FleetProgress
{
    /// <summary>Nodes whose publish has finished, whatever its outcome.</summary>
    public int Nodes { get; init; }

    /// <summary>Nodes with at least one failed item (a bad node id or a rejected item included).</summary>
    public int FailedNodes { get; init; }

    /// <summary>Items accepted with their full Content.</summary>
    public int Sent { get; init; }

    /// <summary>Items whose Content the service already held, accepted as hash-only updates.</summary>
    public int Unchanged { get; init; }

    /// <summary>Items kept back because the node's daily quota would be exceeded; they go after midnight UTC.</summary>
    public int Deferred { get; init; }

    /// <summary>Items not accepted.</summary>
    public int Failed { get; init; }

    /// <summary>PutInventory calls made, throttled ones included.</summary>
    public int Requests { get; init; }

    /// <summary>Calls the service answered with <c>ThrottlingException</c>; each was sent again later.</summary>
    public int Throttled { get; init; }

    /// <summary>Time since the publish started.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The calls per second the client allows itself now, as it has found the account's rate limit.</summary>
    public double AllowedRequestsPerSecond { get; init; }

    /// <summary>Calls per second achieved so far: <see cref="Requests"/> over <see cref="Elapsed"/>.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Requests / Elapsed.TotalSeconds : 0;
}

/// <summary>The result of a fleet publish: every node's report, and the totals.</summary>
public sealed class FleetPublishReport
{
    internal FleetPublishReport(IReadOnlyList<InventoryPublishReport> nodes, FleetProgress totals, bool cancelled)
    {
        Nodes = nodes;
        Totals = totals;
        Cancelled = cancelled;
    }

    /// <summary>Every node published, in the order they finished, each with its items' outcomes.</summary>
    public IReadOnlyList<InventoryPublishReport> Nodes { get; }

    /// <summary>The counts over the whole publish.</summary>
    public FleetProgress Totals { get; }

    /// <summary>
    /// True when the publish was cancelled: nodes not yet taken were not published, and what calls in flight did not get
    /// accepted stays in the spool. The next publish with the same state folder resumes.
    /// </summary>
    public bool Cancelled { get; }

    /// <summary>True when every item of every node was accepted (deferred items aside) and the publish ran to the end.</summary>
    public bool Succeeded => !Cancelled && Totals.Failed == 0;

    /// <summary>The nodes with at least one failed item.</summary>
    public IEnumerable<InventoryPublishReport> FailedNodes => Nodes.Where(n => !n.Succeeded);
}
