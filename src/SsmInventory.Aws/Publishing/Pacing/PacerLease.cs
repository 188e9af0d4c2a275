namespace SsmInventory.Aws.Publishing.Pacing;

/// <summary>
/// Leave from <see cref="PutInventoryPacer"/> to make one PutInventory call. Complete it with the call's answer; dispose
/// it (for example in a <c>using</c>) so that a call that failed otherwise still frees its place.
/// </summary>
internal sealed class PacerLease : IDisposable
{
    private readonly PutInventoryPacer _pacer;
    private int _ended;

    internal PacerLease(PutInventoryPacer pacer, int rateEpoch)
    {
        _pacer = pacer;
        RateEpoch = rateEpoch;
    }

    /// <summary>How many times the rate had been lowered when this call started.</summary>
    internal int RateEpoch { get; }

    /// <summary>Ends the call with the service's answer: throttled, or anything else it answered.</summary>
    /// <exception cref="InvalidOperationException">The lease was already completed or disposed.</exception>
    public void Complete(bool throttled)
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            throw new InvalidOperationException("This PutInventory lease has already ended; complete each lease once, with the answer of its one call.");
        }

        _pacer.End(this, throttled);
    }

    /// <summary>Frees the place without telling the pacer anything about the rate; does nothing after <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _ended, 1) == 0)
        {
            _pacer.End(this, throttled: null);
        }
    }
}
