using Amazon.Runtime;

namespace SsmInventory.Aws.Publishing.Pacing;

/// <summary>
/// Decides when the next PutInventory call may start, for every node one process publishes: at most
/// <see cref="PacerOptions.MaxInFlight"/> calls under way, and starts spaced evenly at the <see cref="AdaptiveRate"/>,
/// which learns the account's limit from throttled answers. Callers wait in one first-in, first-out queue, so no call
/// is overtaken; a throttled call goes to the back of it, so a retry never jumps the pace.
/// </summary>
/// <remarks>
/// Not <c>System.Threading.RateLimiting</c>: its <c>TokenBucketRateLimiter</c> takes its rate once, when created, and
/// refills on its own timer rather than a <see cref="TimeProvider"/>; it also ships outside the base framework.
/// </remarks>
internal sealed class PutInventoryPacer : IDisposable
{
    /// <summary>
    /// Timers may fire this late (Windows ticks every 15.6 ms). Starts that fell due meanwhile go at once, so the pace
    /// holds; a longer pause is not made up, so it never builds a burst.
    /// </summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromMilliseconds(20);

    private readonly object _lock = new();
    private readonly PacerOptions _options;
    private readonly TimeProvider _time;
    private readonly AdaptiveRate _rate;
    private readonly LinkedList<Waiter> _queue = new();
    private readonly ITimer _timer;
    private int _inFlight;
    private long? _lastStart;
    private int _rateEpoch;
    private bool _disposed;

    public PutInventoryPacer(PacerOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
        _rate = new AdaptiveRate(options, time);
        _timer = time.CreateTimer(static pacer => ((PutInventoryPacer)pacer!).Dispatch(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Calls per second allowed now.</summary>
    public double Rate
    {
        get
        {
            lock (_lock)
            {
                return _rate.At(_time.GetTimestamp());
            }
        }
    }

    /// <summary>Waits for this call's turn: every earlier caller started, a place free, and the pace reached.</summary>
    public ValueTask<PacerLease> AcquireAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<PacerLease>(cancellationToken);
        }

        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_queue.Count == 0 && TryStart(_time.GetTimestamp()) is { } lease)
            {
                return new ValueTask<PacerLease>(lease);
            }
        }

        // Watched before it is queued, so that no other thread can start it while its registration is being stored.
        var waiter = new Waiter(this, cancellationToken);
        bool disposed;
        lock (_lock)
        {
            disposed = _disposed;
            if (!disposed && !waiter.Task.IsCompleted)
            {
                waiter.Node = _queue.AddLast(waiter);
            }
        }

        if (disposed)
        {
            waiter.Fail(new ObjectDisposedException(nameof(PutInventoryPacer)));
        }

        Dispatch();
        return new ValueTask<PacerLease>(waiter.Task);
    }

    /// <summary>
    /// Makes <paramref name="call"/> when the pace allows; when it is throttled, makes it again at its next turn, up to
    /// <see cref="PacerOptions.MaxAttempts"/> times, then lets the last <c>ThrottlingException</c> through.
    /// </summary>
    public async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            using PacerLease lease = await AcquireAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                T answer = await call(cancellationToken).ConfigureAwait(false);
                lease.Complete(throttled: false);
                return answer;
            }
            catch (AmazonServiceException error) when (error.ErrorCode == PutInventoryError.ThrottlingErrorCode)
            {
                lease.Complete(throttled: true);
                if (attempt == _options.MaxAttempts)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Fails every waiting caller with <see cref="ObjectDisposedException"/>; leases already given may still end.</summary>
    public void Dispose()
    {
        Waiter[] waiting;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _queue];
            _queue.Clear();
        }

        _timer.Dispose();
        foreach (Waiter waiter in waiting)
        {
            waiter.Fail(new ObjectDisposedException(nameof(PutInventoryPacer)));
        }
    }

    /// <summary>A call ended: its place is free, and the answer (when known) moves the rate.</summary>
    internal void End(PacerLease lease, bool? throttled)
    {
        lock (_lock)
        {
            _inFlight--;
            long now = _time.GetTimestamp();
            if (throttled == false)
            {
                _rate.Accepted(now);
            }
            else if (throttled == true && lease.RateEpoch == _rateEpoch)
            {
                // Calls that started before the last cut were sent too fast for the old rate, not the new one: one cut each.
                _rate.Throttled(now);
                _rateEpoch++;
            }
        }

        Dispatch();
    }

    /// <summary>Starts the callers at the head of the queue that may start now, and sets the timer for the next one.</summary>
    private void Dispatch()
    {
        List<(Waiter Waiter, PacerLease Lease)>? started = null;
        lock (_lock)
        {
            long now = _time.GetTimestamp();
            while (!_disposed && _queue.First is { } head && TryStart(now) is { } lease)
            {
                _queue.RemoveFirst();
                head.Value.Node = null;
                (started ??= []).Add((head.Value, lease));
            }
        }

        foreach (var (waiter, lease) in started ?? [])
        {
            waiter.Start(lease);
        }
    }

    /// <summary>A lease when a place is free and the pace reached; otherwise null, with the timer set if the pace is what waits.</summary>
    private PacerLease? TryStart(long now)
    {
        if (_inFlight >= _options.MaxInFlight)
        {
            return null;
        }

        if (_lastStart is { } last)
        {
            long due = last + (long)(_time.TimestampFrequency / _rate.At(now));
            if (now < due)
            {
                // Whole milliseconds, rounded up, so that a timer never wakes just short of the start and spins.
                double wait = Math.Ceiling((due - now) * 1000.0 / _time.TimestampFrequency);
                _timer.Change(TimeSpan.FromMilliseconds(wait), Timeout.InfiniteTimeSpan);
                return null;
            }

            _lastStart = Math.Max(due, now - (long)(TimerSlack.TotalSeconds * _time.TimestampFrequency));
        }
        else
        {
            _lastStart = now;
        }

        _inFlight++;
        return new PacerLease(this, _rateEpoch);
    }

    private void Cancel(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (waiter.Node is { } node)
            {
                _queue.Remove(node);
                waiter.Node = null;
            }
        }

        waiter.Cancel(cancellationToken);
    }

    /// <summary>A caller in the queue. Started, cancelled or failed once; whichever comes first wins.</summary>
    private sealed class Waiter
    {
        private readonly TaskCompletionSource<PacerLease> _turn = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _cancellation;

        public Waiter(PutInventoryPacer pacer, CancellationToken cancellationToken) =>
            _cancellation = cancellationToken.UnsafeRegister(static (state, token) =>
            {
                var (pacer, waiter) = ((PutInventoryPacer, Waiter))state!;
                pacer.Cancel(waiter, token);
            }, (pacer, this));

        public Task<PacerLease> Task => _turn.Task;

        /// <summary>Its place in the queue; null before it is queued and after it leaves. Guarded by the pacer's lock.</summary>
        public LinkedListNode<Waiter>? Node { get; set; }

        public void Start(PacerLease lease)
        {
            if (!_turn.TrySetResult(lease))
            {
                // Cancelled just before its turn came: the place goes to the next caller.
                lease.Dispose();
            }

            _cancellation.Dispose();
        }

        public void Cancel(CancellationToken cancellationToken) => _turn.TrySetCanceled(cancellationToken);

        public void Fail(Exception error)
        {
            _turn.TrySetException(error);
            _cancellation.Dispose();
        }
    }
}
