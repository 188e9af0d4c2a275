namespace SsmInventory.Aws.Publishing.Pacing;

/// <summary>
/// The client-side rate of PutInventory calls, found by probing, since the account's limit is not published. Slow start
/// raises it by two calls per second for every accepted call until the first throttle; from then on it follows CUBIC
/// (RFC 9438, with the constants of the AWS SDKs' adaptive retry mode): a throttle cuts it to 70% of the rate it had,
/// and it climbs back, fast at first and flat near that rate, then probes beyond it. It never exceeds twice the calls
/// the service accepted in the last second, so a quiet spell does not build up a burst. Not thread-safe: the pacer
/// holds its lock around every call.
/// </summary>
internal sealed class AdaptiveRate(PacerOptions options, TimeProvider time)
{
    private const double Beta = 0.7;
    private const double Scale = 0.4;
    private const double SlowStartGain = 2;
    private static readonly TimeSpan ProvenWindow = TimeSpan.FromSeconds(1);

    private readonly Queue<long> _accepted = new();
    private double _slowStartRate = options.InitialRate;
    private bool _slowStart = true;
    private double _throttledRate;
    private double _secondsBackToThrottledRate;
    private long _throttledAt;

    /// <summary>Calls per second allowed at <paramref name="now"/> (a <see cref="TimeProvider.GetTimestamp"/>).</summary>
    public double At(long now)
    {
        double probe = _slowStart ? _slowStartRate : Cubic(now);
        double proven = 2 * AcceptedInWindow(now);
        return Math.Clamp(Math.Min(probe, Math.Max(proven, options.InitialRate)), options.MinRate, options.MaxRate);
    }

    public void Accepted(long now)
    {
        if (_slowStart)
        {
            _slowStartRate = At(now) + SlowStartGain;
        }

        _accepted.Enqueue(now);
    }

    public void Throttled(long now)
    {
        _throttledRate = At(now);
        _secondsBackToThrottledRate = Math.Cbrt(_throttledRate * (1 - Beta) / Scale);
        _throttledAt = now;
        _slowStart = false;
    }

    private double Cubic(long now)
    {
        double fromThrottledRate = time.GetElapsedTime(_throttledAt, now).TotalSeconds - _secondsBackToThrottledRate;
        return _throttledRate + (Scale * fromThrottledRate * fromThrottledRate * fromThrottledRate);
    }

    private int AcceptedInWindow(long now)
    {
        while (_accepted.Count > 0 && time.GetElapsedTime(_accepted.Peek(), now) >= ProvenWindow)
        {
            _accepted.Dequeue();
        }

        return _accepted.Count;
    }
}
