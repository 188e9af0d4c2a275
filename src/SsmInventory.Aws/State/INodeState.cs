namespace SsmInventory.Aws.State;

/// <summary>
/// What a publish keeps for one managed node between runs: each type's ContentHash as the service last accepted it, and
/// the spool of items it has not accepted yet. <see cref="NodeState"/> keeps it in a folder of files for one node;
/// <see cref="FleetStateDatabase"/> keeps it for many nodes in one database.
/// </summary>
internal interface INodeState : IDisposable
{
    /// <summary>Where the state lives, for log messages: a folder, or a database and the node.</summary>
    string Location { get; }

    /// <summary>Each type's ContentHash as last accepted. Unreadable state counts as empty: that only costs a full resend.</summary>
    Dictionary<string, string> LoadHashes(out bool unreadable);

    /// <summary>
    /// The Content bytes the service accepted for this node on <paramref name="utcDay"/>, or null where this state keeps
    /// no such count (and so enforces no daily quota).
    /// </summary>
    long? AcceptedContentBytes(DateOnly utcDay);

    /// <summary>
    /// Records what one accepted request changed, in one durable step: the hashes (only when
    /// <paramref name="hashesChanged"/>) and the Content bytes accepted on <paramref name="utcDay"/>.
    /// </summary>
    void SaveAccepted(IReadOnlyDictionary<string, string> hashes, bool hashesChanged, long contentBytes, DateOnly utcDay);

    /// <summary>
    /// The newest spooled item of each type, in TypeName order. Entries that cannot be read are set aside for a person to
    /// look at and named in <paramref name="unreadable"/>.
    /// </summary>
    List<SpoolEntry> LoadSpool(out List<string> unreadable);

    /// <summary>Durably adds <paramref name="entries"/>, each replacing any spooled item of its type.</summary>
    void Spool(IReadOnlyCollection<SpoolEntry> entries);

    /// <summary>Makes <paramref name="remaining"/> the whole spool, atomically.</summary>
    void ReplaceSpool(IReadOnlyCollection<SpoolEntry> remaining);
}
