namespace SsmInventory.Aws.Fleet;

/// <summary>One managed node's items, as a fleet publish takes them: one node at a time, so a fleet never has to be in memory whole.</summary>
public sealed class FleetNode
{
    /// <summary>Creates the node's entry.</summary>
    /// <param name="instanceId">The managed node, such as <c>i-0123456789abcdef0</c>; a bad id fails this node only.</param>
    /// <param name="items">The node's items, at most one per TypeName.</param>
    public FleetNode(string instanceId, IReadOnlyList<InventoryItemData> items)
    {
        InstanceId = instanceId ?? throw new ArgumentNullException(nameof(instanceId));
        Items = items ?? throw new ArgumentNullException(nameof(items));
    }

    /// <summary>The managed node.</summary>
    public string InstanceId { get; }

    /// <summary>The node's items.</summary>
    public IReadOnlyList<InventoryItemData> Items { get; }
}
