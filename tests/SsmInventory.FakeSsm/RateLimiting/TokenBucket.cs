namespace SsmInventory.FakeSsm.RateLimiting;

/// <summary>
/// An account-wide token bucket like the service's: <c>rate</c> tokens a second flow in continuously up to
/// <c>burst</c>, each call takes one, and a call that finds less than one token is refused and takes nothing.
/// </summary>
internal sealed class TokenBucket
{
    private readonly Lock _lock = new();
    private readonly double _rate;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    private TokenBucket(double rate, int burst, TimeProvider time)
    {
        _rate = rate;
        _burst = burst;
        _time = time;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>The bucket <paramref name="options"/> asks for; null when it sets no rate.</summary>
    public static TokenBucket? For(FakeSsmOptions options)
    {
        if (options.PutInventoryRate is not { } rate)
        {
            return options.PutInventoryBurst is null
                ? null
                : throw new ArgumentException("PutInventoryBurst is set without PutInventoryRate; set the rate too, or neither.", nameof(options));
        }

        if (!double.IsFinite(rate) || rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), rate, "PutInventoryRate must be a positive, finite number of calls per second.");
        }

        int burst = options.PutInventoryBurst ?? Math.Max(1, (int)Math.Ceiling(rate));
        return burst >= 1
            ? new TokenBucket(rate, burst, options.TimeProvider)
            : throw new ArgumentOutOfRangeException(nameof(options), burst, "PutInventoryBurst must be at least 1 call.");
    }

    public bool TryTake()
    {
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _rate));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
