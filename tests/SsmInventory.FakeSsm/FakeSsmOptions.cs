namespace SsmInventory.FakeSsm;

/// <summary>How a <see cref="FakeSsmServer"/> behaves beyond the service's rules: latency and an account-wide rate limit.</summary>
public sealed record FakeSsmOptions
{
    /// <summary>Added before every answer, as a network round trip to a real endpoint would add it; none by default.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// PutInventory calls per second that the account may make, refilling a token bucket continuously; null (the default)
    /// for no limit. A call over the limit is answered like the service throttles (<see cref="Fault.Throttle"/>) and stores
    /// nothing; other operations are not limited.
    /// </summary>
    public double? PutInventoryRate { get; init; }

    /// <summary>
    /// The bucket's size: how many PutInventory calls may come at once after a quiet spell. The bucket starts full.
    /// Null (the default) for one second's worth of <see cref="PutInventoryRate"/>, at least 1.
    /// </summary>
    public int? PutInventoryBurst { get; init; }

    /// <summary>The clock the bucket refills by; the system clock by default. Latency always waits on the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
