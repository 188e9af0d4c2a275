using System.Net;
using Microsoft.Extensions.Time.Testing;
using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>The account-wide PutInventory token bucket, on a clock the tests move by hand.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new();
    private FakeSsmServer _server = null!;
    private AmazonSimpleSystemsManagementClient _client = null!;

    static RateLimitTests() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

    public Task InitializeAsync() => StartAsync(rate: 4, burst: 3);

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_full_bucket_lets_a_burst_through_then_throttles_like_the_service()
    {
        for (int node = 1; node <= 3; node++)
        {
            await PutAsync(node);
        }

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(4));

        Assert.Equal(("ThrottlingException", HttpStatusCode.BadRequest, "Rate exceeded"), (error.ErrorCode, error.StatusCode, error.Message));
    }

    [Fact]
    public async Task A_throttled_call_is_recorded_and_stores_nothing()
    {
        await DrainAsync();

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(9));

        var throttled = _server.Requests[^1];
        Assert.Equal(("PutInventory", NodeOf(9), 400, "ThrottlingException"), (throttled.Operation, throttled.InstanceId, throttled.StatusCode, throttled.ErrorType));
        Assert.Null(_server.Store.Get(NodeOf(9), "Custom:Rack"));
        Assert.Equal(3, _server.Requests.Count(r => r.StatusCode == 200));
    }

    [Fact]
    public async Task The_bucket_refills_at_the_rate_and_a_refused_call_takes_no_token()
    {
        await DrainAsync();

        // 4 calls a second: one token every 250 ms. Half a token is not enough, and the refused call leaves the half there.
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(10));
        _clock.Advance(TimeSpan.FromMilliseconds(125));
        await PutAsync(11);
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(12));

        Assert.Equal([200, 200, 200, 400, 200, 400], _server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_quiet_spell_refills_the_bucket_up_to_the_burst_only()
    {
        await DrainAsync();

        _clock.Advance(TimeSpan.FromSeconds(60));
        for (int node = 10; node < 13; node++)
        {
            await PutAsync(node);
        }

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(13));
    }

    [Fact]
    public async Task Other_operations_are_neither_limited_nor_take_tokens()
    {
        await PutAsync(1);
        await PutAsync(2);

        for (int i = 0; i < 5; i++)
        {
            await _client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = NodeOf(1), TypeName = "Custom:Rack" });
            await _client.GetInventoryAsync(new GetInventoryRequest());
        }

        await PutAsync(3);
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(4));
        Assert.All(_server.Requests.Where(r => r.Operation != "PutInventory"), r => Assert.Equal(200, r.StatusCode));
    }

    [Fact]
    public async Task The_burst_defaults_to_one_second_of_the_rate()
    {
        await RestartAsync(rate: 2.5, burst: null);

        for (int node = 1; node <= 3; node++)
        {
            await PutAsync(node);
        }

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(4));
    }

    [Fact]
    public async Task A_queued_fault_answers_first_and_takes_no_token()
    {
        _server.Faults.Enqueue(Fault.InternalError());

        await Assert.ThrowsAsync<InternalServerErrorException>(() => PutAsync(1));
        await DrainAsync();
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => PutAsync(4));
    }

    [Theory]
    [InlineData(0.0, null, "PutInventoryRate must be a positive, finite number")]
    [InlineData(double.PositiveInfinity, null, "PutInventoryRate must be a positive, finite number")]
    [InlineData(5.0, 0, "PutInventoryBurst must be at least 1")]
    [InlineData(null, 5, "PutInventoryBurst is set without PutInventoryRate")]
    public async Task Options_without_a_usable_limit_are_refused(double? rate, int? burst, string message)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = rate, PutInventoryBurst = burst }));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static string NodeOf(int node) => $"i-{node:x17}";

    private Task PutAsync(int node) => _client.PutInventoryAsync(PutFor(NodeOf(node), Item("Custom:Rack", Rows(1))));

    /// <summary>Spends the three tokens the bucket starts with.</summary>
    private async Task DrainAsync()
    {
        for (int node = 1; node <= 3; node++)
        {
            await PutAsync(node);
        }
    }

    private async Task RestartAsync(double rate, int? burst)
    {
        await DisposeAsync();
        await StartAsync(rate, burst);
    }

    private async Task StartAsync(double rate, int? burst)
    {
        _server = await FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = rate, PutInventoryBurst = burst, TimeProvider = _clock });
        _client = _server.CreateClient();
    }
}
