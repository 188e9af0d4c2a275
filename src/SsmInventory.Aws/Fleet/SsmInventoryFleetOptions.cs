namespace SsmInventory.Aws.Fleet;

/// <summary>Settings of <see cref="SsmInventoryFleetPublisher"/>.</summary>
public sealed class SsmInventoryFleetOptions
{
    /// <summary>
    /// The folder that keeps, for every node, the hashes of the content the service accepted, the spool of items not yet
    /// accepted, and the bytes accepted today, in one database (<c>fleet-state.db</c>). It must survive restarts; one
    /// process at a time may use it. Defaults to <c>SsmInventory/fleet</c> under the user's local application data folder.
    /// </summary>
    public string StateDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "SsmInventory", "fleet");

    /// <summary>How many nodes are published at the same time, and so the most PutInventory calls in flight. Defaults to 16.</summary>
    public int MaxConcurrency { get; set; } = 16;

    /// <summary>
    /// The PutInventory calls per second to start at, before the service's answers say how fast the account may go.
    /// Defaults to 20.
    /// </summary>
    public double InitialRequestsPerSecond { get; set; } = 20;

    /// <summary>
    /// The Content bytes one node may have accepted per UTC day; an item that would go over it is deferred (kept and sent
    /// after midnight UTC). Defaults to the service's quota, 5,000 KB.
    /// </summary>
    public long DailyBytesPerNode { get; set; } = InventoryLimits.MaxBytesPerNodePerDay;

    /// <summary>
    /// After cancellation, how long the calls already started may take to finish before they are cancelled too. What is
    /// not accepted by then stays in the spool for the next run. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
