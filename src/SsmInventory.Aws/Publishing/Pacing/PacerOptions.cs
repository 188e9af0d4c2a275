namespace SsmInventory.Aws.Publishing.Pacing;

/// <summary>The bounds within which <see cref="PutInventoryPacer"/> looks for the account's PutInventory rate.</summary>
internal sealed record PacerOptions
{
    /// <summary>Calls that may be under way at once.</summary>
    public int MaxInFlight { get; init; } = 16;

    /// <summary>
    /// Calls per second at first; the rate may always climb back to it, however few calls were accepted lately. Slow start
    /// raises it from there, doubling it about every half second while nothing is throttled and the calls keep coming.
    /// </summary>
    public double InitialRate { get; init; } = 10;

    /// <summary>The rate is never lowered below this, however often calls are throttled.</summary>
    public double MinRate { get; init; } = 0.5;

    /// <summary>The rate is never raised above this, however long nothing is throttled.</summary>
    public double MaxRate { get; init; } = 10_000;

    /// <summary>How often <see cref="PutInventoryPacer.SendAsync{T}"/> sends one call before it gives up on throttling.</summary>
    public int MaxAttempts { get; init; } = 10;

    /// <summary>Checks every bound; the message names the setting, its value and what is allowed.</summary>
    public void Validate()
    {
        Require(MaxInFlight >= 1, $"MaxInFlight is {MaxInFlight}; at least 1 call must be allowed under way.");
        Require(double.IsFinite(MinRate) && MinRate > 0, $"MinRate is {MinRate}; it must be a positive number of calls per second.");
        Require(double.IsFinite(MaxRate) && MaxRate >= MinRate, $"MaxRate is {MaxRate}; it must be finite and at least MinRate ({MinRate}).");
        Require(InitialRate >= MinRate && InitialRate <= MaxRate, $"InitialRate is {InitialRate}; it must lie between MinRate ({MinRate}) and MaxRate ({MaxRate}).");
        Require(MaxAttempts >= 1, $"MaxAttempts is {MaxAttempts}; every call needs at least 1 attempt.");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(nameof(PacerOptions), message);
        }
    }
}
