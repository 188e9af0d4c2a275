namespace SsmInventory.Publishing;

/// <summary>What happened to one item.</summary>
public enum InventoryItemStatus
{
    /// <summary>Accepted with its full Content.</summary>
    Sent,

    /// <summary>Its ContentHash matched what was last accepted, so only the hash was sent (or, for files, nothing was rewritten).</summary>
    Unchanged,

    /// <summary>Not accepted; <see cref="InventoryItemOutcome.Reason"/> says why. The item is kept to be sent again where the sink can.</summary>
    Failed,

    /// <summary>
    /// Held back on purpose, such as to stay within a quota, and kept to be sent on a later publish; not a failure.
    /// No sink of this version defers items.
    /// </summary>
    Deferred,
}

/// <summary>The outcome for one item of a publish call.</summary>
public sealed class InventoryItemOutcome
{
    /// <summary>Creates the outcome.</summary>
    public InventoryItemOutcome(string typeName, InventoryItemStatus status, string? errorCode = null, string? reason = null)
    {
        TypeName = typeName ?? throw new ArgumentNullException(nameof(typeName));
        Status = status;
        ErrorCode = errorCode;
        Reason = reason;
    }

    /// <summary>The item's TypeName.</summary>
    public string TypeName { get; }

    /// <summary>What happened.</summary>
    public InventoryItemStatus Status { get; }

    /// <summary>For a failure, the service's error code (such as <c>ItemSizeLimitExceededException</c>) or the sink's own.</summary>
    public string? ErrorCode { get; }

    /// <summary>For a failure, what went wrong and how to fix it. Never contains inventory values or credentials.</summary>
    public string? Reason { get; }

    /// <inheritdoc />
    public override string ToString() => Reason is null ? $"{TypeName}: {Status}" : $"{TypeName}: {Status} ({ErrorCode}): {Reason}";
}

/// <summary>The result of one publish call: every item with what happened to it.</summary>
public sealed class InventoryPublishReport
{
    /// <summary>Creates the report.</summary>
    public InventoryPublishReport(string instanceId, IReadOnlyList<InventoryItemOutcome> items)
    {
        InstanceId = instanceId ?? throw new ArgumentNullException(nameof(instanceId));
        Items = items ?? throw new ArgumentNullException(nameof(items));
    }

    /// <summary>The managed node the items were for.</summary>
    public string InstanceId { get; }

    /// <summary>Every item, in the order given.</summary>
    public IReadOnlyList<InventoryItemOutcome> Items { get; }

    /// <summary>Items accepted with full Content.</summary>
    public IEnumerable<InventoryItemOutcome> Sent => Items.Where(i => i.Status == InventoryItemStatus.Sent);

    /// <summary>Items whose content had not changed.</summary>
    public IEnumerable<InventoryItemOutcome> Unchanged => Items.Where(i => i.Status == InventoryItemStatus.Unchanged);

    /// <summary>Items that were not accepted, with reasons.</summary>
    public IEnumerable<InventoryItemOutcome> Failed => Items.Where(i => i.Status == InventoryItemStatus.Failed);

    /// <summary>True when no item failed.</summary>
    public bool Succeeded => Items.All(i => i.Status != InventoryItemStatus.Failed);
}
