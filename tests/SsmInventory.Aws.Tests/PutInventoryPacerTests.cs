using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Time.Testing;
using SsmInventory.Aws.Publishing.Pacing;
using SsmInventory.FakeSsm;

namespace SsmInventory.Aws.Tests;

/// <summary>The pacer on a clock the tests move by hand: pace, places, order, cancellation, and the rate it learns.</summary>
public sealed class PutInventoryPacerTests : IDisposable
{
    private static readonly TimeSpan Millisecond = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _clock = new();
    private PutInventoryPacer _pacer;

    public PutInventoryPacerTests() => _pacer = Pacer(new PacerOptions());

    public void Dispose() => _pacer.Dispose();

    [Fact]
    public async Task Starts_are_spaced_evenly_at_the_rate()
    {
        // 10 calls a second: one start every 100 ms.
        var first = _pacer.AcquireAsync(default);
        var second = _pacer.AcquireAsync(default);
        var third = _pacer.AcquireAsync(default);

        Assert.True(first.IsCompletedSuccessfully);
        _clock.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        _clock.Advance(Millisecond);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        Assert.True(third.IsCompletedSuccessfully);
        await Task.WhenAll(first.AsTask(), second.AsTask(), third.AsTask());
    }

    [Fact]
    public async Task No_more_calls_than_MaxInFlight_are_under_way_however_much_time_passes()
    {
        UsePacer(new PacerOptions { MaxInFlight = 2 });
        var leases = new[] { _pacer.AcquireAsync(default), _pacer.AcquireAsync(default), _pacer.AcquireAsync(default) };

        Pass(TimeSpan.FromSeconds(10));
        Assert.Equal([true, true, false], leases.Select(l => l.IsCompleted));

        (await leases[0]).Complete(throttled: false);
        Pass(TimeSpan.FromMilliseconds(100));
        Assert.True(leases[2].IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Callers_start_in_the_order_they_came()
    {
        UsePacer(new PacerOptions { MaxInFlight = 1 });
        var first = _pacer.AcquireAsync(default);
        var second = _pacer.AcquireAsync(default);
        var third = _pacer.AcquireAsync(default);

        (await first).Complete(throttled: false);
        Pass(TimeSpan.FromSeconds(1));

        Assert.Equal([true, false], new[] { second.IsCompleted, third.IsCompleted });
    }

    [Fact]
    public async Task A_newcomer_never_overtakes_a_caller_whose_turn_came_before_its_timer_fired()
    {
        // At 7 calls a second after the cut, the next turn is 142.9 ms on; the timer wakes at 143 ms.
        (await _pacer.AcquireAsync(default)).Complete(throttled: true);
        var waiting = _pacer.AcquireAsync(default);
        _clock.Advance(TimeSpan.FromMilliseconds(142.9));

        var newcomer = _pacer.AcquireAsync(default);

        Assert.Equal([true, false], new[] { waiting.IsCompleted, newcomer.IsCompleted });
    }

    [Fact]
    public async Task A_cancelled_caller_leaves_the_queue_and_the_next_one_takes_its_turn()
    {
        var first = _pacer.AcquireAsync(default);
        using var giveUp = new CancellationTokenSource();
        var cancelled = _pacer.AcquireAsync(giveUp.Token);
        var next = _pacer.AcquireAsync(default);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.AsTask());
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.Equal([true, true], new[] { first.IsCompletedSuccessfully, next.IsCompletedSuccessfully });
    }

    [Fact]
    public async Task A_caller_already_cancelled_gets_no_lease()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _pacer.AcquireAsync(cancelled.Token).AsTask());
        Assert.True(_pacer.AcquireAsync(default).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task A_disposed_lease_frees_its_place_without_moving_the_rate()
    {
        UsePacer(new PacerOptions { MaxInFlight = 1 });
        var first = await _pacer.AcquireAsync(default);
        var second = _pacer.AcquireAsync(default);

        first.Dispose();
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(10, _pacer.Rate);
    }

    [Fact]
    public async Task A_lease_ends_once()
    {
        var lease = await _pacer.AcquireAsync(default);
        lease.Complete(throttled: false);

        var error = Assert.Throws<InvalidOperationException>(() => lease.Complete(throttled: true));
        Assert.Contains("already ended", error.Message, StringComparison.Ordinal);
        lease.Dispose();
    }

    [Fact]
    public async Task A_throttle_cuts_the_rate_to_70_percent()
    {
        var lease = await _pacer.AcquireAsync(default);

        lease.Complete(throttled: true);

        Assert.Equal(7, _pacer.Rate, 9);
    }

    [Fact]
    public async Task Calls_started_before_a_cut_cut_the_rate_once_and_a_later_call_cuts_it_again()
    {
        var before = new[] { await _pacer.AcquireAsync(default), Started(_pacer.AcquireAsync(default)) };

        before[0].Complete(throttled: true);
        before[1].Complete(throttled: true);
        Assert.Equal(7, _pacer.Rate, 9);

        var after = Started(_pacer.AcquireAsync(default));
        double rate = _pacer.Rate;
        after.Complete(throttled: true);
        Assert.Equal(0.7 * rate, _pacer.Rate, 9);
    }

    [Fact]
    public async Task After_a_cut_the_rate_climbs_back_fast_at_first_and_levels_off_at_the_throttled_rate()
    {
        (await _pacer.AcquireAsync(default)).Complete(throttled: true);

        // CUBIC: rate(t) = 10 + 0.4 (t - K)^3, with K = cbrt(10 * 0.3 / 0.4) seconds back to the throttled rate of 10.
        double k = Math.Cbrt(7.5);
        _clock.Advance(TimeSpan.FromSeconds(k / 2));
        Assert.Equal(10 - (0.4 * Math.Pow(k / 2, 3)), _pacer.Rate, 6);
        _clock.Advance(TimeSpan.FromSeconds(k / 2));
        Assert.Equal(10, _pacer.Rate, 6);
    }

    [Fact]
    public async Task Beyond_the_throttled_rate_it_probes_only_as_far_as_twice_the_calls_accepted_in_the_last_second()
    {
        var accepted = Start(7);
        (Started(_pacer.AcquireAsync(default))).Complete(throttled: true);
        double k = Math.Cbrt(7.5);
        _clock.Advance(TimeSpan.FromSeconds(k + 2));

        // CUBIC alone would allow 10 + 0.4 * 2^3 = 13.2 calls a second, but nothing was accepted lately: the floor, InitialRate.
        Assert.Equal(10, _pacer.Rate, 6);

        accepted.ForEach(lease => lease.Complete(throttled: false));
        Assert.Equal(13.2, _pacer.Rate, 6);
    }

    [Fact]
    public async Task Slow_start_raises_the_rate_with_every_accepted_call_but_a_quiet_spell_builds_no_burst()
    {
        var leases = Start(10);

        // Each accepted call adds 2 calls a second, but only up to twice the calls accepted in the last second (at least 10).
        leases.ForEach(lease => lease.Complete(throttled: false));
        Assert.Equal(20, _pacer.Rate, 9);

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(10, _pacer.Rate, 9);
    }

    [Fact]
    public async Task After_a_quiet_spell_the_next_start_waits_a_whole_interval_less_the_timer_slack()
    {
        (await _pacer.AcquireAsync(default)).Complete(throttled: false);
        _clock.Advance(TimeSpan.FromSeconds(10));

        var now = _pacer.AcquireAsync(default);
        var next = _pacer.AcquireAsync(default);
        _clock.Advance(TimeSpan.FromMilliseconds(79));
        Assert.Equal([true, false], new[] { now.IsCompleted, next.IsCompleted });
        _clock.Advance(Millisecond);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task SendAsync_sends_a_throttled_call_again_at_its_next_turn_not_at_once()
    {
        var starts = new List<DateTimeOffset>();
        Task<string> sent = _pacer.SendAsync(_ =>
        {
            starts.Add(_clock.GetUtcNow());
            return starts.Count == 1 ? throw Throttled() : Task.FromResult("accepted");
        }, default);

        // The first attempt was throttled: the rate is cut to 7 a second, so the second waits 1/7 s (143 ms, rounded up).
        _clock.Advance(TimeSpan.FromMilliseconds(142));
        Assert.Single(starts);
        _clock.Advance(Millisecond);

        Assert.Equal("accepted", await sent);
        Assert.Equal(TimeSpan.FromMilliseconds(143), starts[1] - starts[0]);
    }

    [Fact]
    public async Task SendAsync_gives_up_after_MaxAttempts_throttled_attempts_with_the_last_ThrottlingException()
    {
        UsePacer(new PacerOptions { MaxAttempts = 3, InitialRate = 100, MaxRate = 100 });
        int attempts = 0;
        Task<string> sent = _pacer.SendAsync<string>(_ => throw Throttled(++attempts), default);

        await AdvanceUntilDone(sent);

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => sent);
        Assert.Equal((3, "attempt 3"), (attempts, error.Message));
    }

    [Fact]
    public async Task SendAsync_lets_other_errors_through_at_once_and_frees_the_place()
    {
        UsePacer(new PacerOptions { MaxInFlight = 1 });

        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => _pacer.SendAsync<string>(_ => throw new InvalidInstanceIdException("gone"), default));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_pacer.AcquireAsync(default).IsCompletedSuccessfully);
        Assert.Equal(10, _pacer.Rate);
    }

    [Fact]
    public async Task Disposing_the_pacer_fails_the_callers_still_waiting()
    {
        UsePacer(new PacerOptions { MaxInFlight = 1 });
        var lease = await _pacer.AcquireAsync(default);
        var waiting = _pacer.AcquireAsync(default);

        _pacer.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.AsTask());
        Assert.Throws<ObjectDisposedException>(() => _pacer.AcquireAsync(default));
        lease.Complete(throttled: false);
    }

    [Theory]
    [InlineData(0, 10, 0.5, 10_000, 10, "MaxInFlight is 0")]
    [InlineData(16, 10, 0, 10_000, 10, "MinRate is 0")]
    [InlineData(16, 10, 5, 1, 10, "MaxRate is 1")]
    [InlineData(16, 0.1, 0.5, 10_000, 10, "InitialRate is 0.1")]
    [InlineData(16, 10, 0.5, 10_000, 0, "MaxAttempts is 0")]
    public void Options_out_of_bounds_are_refused_naming_the_setting(int maxInFlight, double initialRate, double minRate, double maxRate, int maxAttempts, string message)
    {
        var options = new PacerOptions { MaxInFlight = maxInFlight, InitialRate = initialRate, MinRate = minRate, MaxRate = maxRate, MaxAttempts = maxAttempts };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new PutInventoryPacer(options, _clock));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Against_the_rate_limited_fake_service_every_call_is_accepted_once_and_every_throttled_one_sent_again()
    {
        // The real SDK and the system clock: a service that allows 20 calls a second, burst 2, and a pacer that starts at 40.
        await using var server = await FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = 20, PutInventoryBurst = 2 });
        using var client = server.CreateClient();
        using var pacer = new PutInventoryPacer(new PacerOptions { InitialRate = 40 }, TimeProvider.System);
        string[] nodes = [.. Enumerable.Range(1, 30).Select(n => $"i-{n:x17}")];

        await Task.WhenAll(nodes.Select(node => pacer.SendAsync(
            cancellationToken => client.PutInventoryAsync(new PutInventoryRequest { InstanceId = node, Items = [RackItem()] }, cancellationToken),
            default)));

        var calls = server.Requests;
        Assert.Equal(nodes.Order(), calls.Where(c => c.StatusCode == 200).Select(c => c.InstanceId!).Order());
        Assert.All(calls.Where(c => c.StatusCode != 200), c => Assert.Equal("ThrottlingException", c.ErrorType));
        Assert.Contains(calls, c => c.ErrorType == "ThrottlingException");
    }

    private static AmazonSimpleSystemsManagementException Throttled(int attempt = 1) =>
        new($"attempt {attempt}") { ErrorCode = "ThrottlingException" };

    private static InventoryItem RackItem() => new()
    {
        TypeName = "Custom:Rack",
        SchemaVersion = "1.0",
        CaptureTime = "2024-05-01T12:00:00Z",
        Content = [new Dictionary<string, string> { ["Location"] = "CMH" }],
    };

    private PutInventoryPacer Pacer(PacerOptions options) => new(options, _clock);

    private void UsePacer(PacerOptions options)
    {
        _pacer.Dispose();
        _pacer = Pacer(options);
    }

    /// <summary>A lease that has started once the clock moved a second on, longer than any pace in these tests.</summary>
    private PacerLease Started(ValueTask<PacerLease> lease)
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(lease.IsCompletedSuccessfully, "the lease did not start within a second");
        return lease.Result;
    }

    /// <summary><paramref name="count"/> leases, started one after another.</summary>
    private List<PacerLease> Start(int count) => [.. Enumerable.Range(0, count).Select(_ => Started(_pacer.AcquireAsync(default)))];

    /// <summary>
    /// Moves the clock on in 10 ms steps. One big step would fire every timer at its end: FakeTimeProvider sets the time
    /// first, so a start that falls due midway would seem late.
    /// </summary>
    private void Pass(TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromMilliseconds(10))
        {
            _clock.Advance(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>Moves the clock on in steps until <paramref name="task"/> ends, letting the pacer's continuations run between steps.</summary>
    private async Task AdvanceUntilDone(Task task)
    {
        for (int step = 0; step < 1000 && !task.IsCompleted; step++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.Delay(1);
        }
    }
}
