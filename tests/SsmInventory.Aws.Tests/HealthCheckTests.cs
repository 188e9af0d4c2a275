using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SsmInventory.AgentFiles;
using SsmInventory.Hosting;
using SsmInventory.Publishing;
using Fault = SsmInventory.FakeSsm.Fault;

namespace SsmInventory.Aws.Tests;

/// <summary>The health check of the hosted service, driven through each state by a fake clock.</summary>
public sealed class HealthCheckTests : PublisherTest
{
    private static readonly TimeSpan s_interval = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Each_state_follows_the_publish_results_and_the_clock()
    {
        var sink = new ScriptedSink();
        using ServiceProvider provider = Build(services => services.AddSingleton<IInventorySink>(sink), health => health.AddSsmInventory());
        var service = Service(provider);

        await AssertHealth(provider, HealthStatus.Degraded, "No publish has succeeded yet.");

        sink.Next(Outcome("Custom:A", InventoryItemStatus.Sent), Outcome("Custom:B", InventoryItemStatus.Unchanged));
        await service.RunOnceAsync(CancellationToken.None);
        HealthReportEntry healthy = await AssertHealth(provider, HealthStatus.Healthy, "The latest publish succeeded 00:00:00 ago.");
        Assert.Equal("2026-12-01T08:00:00Z", healthy.Data["last_successful_publish"]);

        _clock.Advance(s_interval * 1.5);
        await AssertHealth(provider, HealthStatus.Healthy, "succeeded 01:30:00 ago");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await AssertHealth(provider, HealthStatus.Degraded, "The latest successful publish ended 01:30:01 ago; one is due every 01:00:00.");

        // A fails on three publishes in a row; C is deferred once. Waiting items degrade, the third failure fails the check.
        sink.Next(Outcome("Custom:A", InventoryItemStatus.Failed, "ThrottlingException"), Outcome("Custom:B", InventoryItemStatus.Sent));
        await service.RunOnceAsync(CancellationToken.None);
        HealthReportEntry waiting = await AssertHealth(provider, HealthStatus.Degraded, "1 items wait to be sent again: Custom:A (ThrottlingException).");
        Assert.Equal(1, waiting.Data["waiting_items"]);

        sink.Next(Outcome("Custom:A", InventoryItemStatus.Failed, "ThrottlingException"), Outcome("Custom:C", InventoryItemStatus.Deferred));
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Degraded, "2 items wait to be sent again: Custom:A (ThrottlingException), Custom:C (deferred).");

        sink.Next(Outcome("Custom:A", InventoryItemStatus.Failed, "InvalidTypeNameException"), Outcome("Custom:C", InventoryItemStatus.Sent));
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Unhealthy, "Custom:A failed on 3 publishes in a row, the latest with InvalidTypeNameException.");

        sink.Next(Outcome("Custom:A", InventoryItemStatus.Sent));
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Healthy, "The latest publish succeeded");

        // Publishes that throw: degraded at once, failing once three intervals passed without a success.
        sink.NextThrows(new IOException("disk full"));
        _clock.Advance(s_interval);
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Degraded, "The latest publish failed with System.IO.IOException;");
        _clock.Advance(s_interval * 2);
        await AssertHealth(provider, HealthStatus.Degraded, "The latest publish failed");
        _clock.Advance(TimeSpan.FromSeconds(1));
        HealthReportEntry stale = await AssertHealth(provider, HealthStatus.Unhealthy, "No publish has succeeded for 03:00:01, 3 publish intervals of 01:00:00.");
        Assert.DoesNotContain("disk full", stale.Description);
    }

    [Fact]
    public async Task A_publish_where_every_item_failed_is_no_success()
    {
        var sink = new ScriptedSink();
        using ServiceProvider provider = Build(services => services.AddSingleton<IInventorySink>(sink), health => health.AddSsmInventory());
        sink.Next(Outcome("Custom:A", InventoryItemStatus.Failed, "RequestFailed"));
        await Service(provider).RunOnceAsync(CancellationToken.None);

        await AssertHealth(provider, HealthStatus.Degraded, "No publish has succeeded yet. 1 items wait to be sent again: Custom:A (RequestFailed).");
        _clock.Advance(s_interval * 3 + TimeSpan.FromSeconds(1));
        await AssertHealth(provider, HealthStatus.Unhealthy, "No publish has succeeded for 03:00:01");
    }

    [Fact]
    public async Task The_thresholds_and_the_failure_status_are_configurable()
    {
        var sink = new ScriptedSink();
        using ServiceProvider provider = Build(
            services => services.AddSingleton<IInventorySink>(sink),
            health => health.AddSsmInventory("inventory", HealthStatus.Degraded, ["ready"], o => o.UnhealthyAfterConsecutiveFailures = 1));
        sink.Next(Outcome("Custom:A", InventoryItemStatus.Failed, "InvalidTypeNameException"), Outcome("Custom:B", InventoryItemStatus.Sent));
        await Service(provider).RunOnceAsync(CancellationToken.None);

        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        HealthReportEntry entry = report.Entries["inventory"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith("Custom:A failed on 1 publishes in a row", entry.Description);
        Assert.Equal(["ready"], entry.Tags);

        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddHealthChecks().AddSsmInventory(configure: o => o.UnhealthyAfterIntervals = 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ServiceCollection().AddHealthChecks().AddSsmInventory(configure: o => o.UnhealthyAfterConsecutiveFailures = 0));
    }

    [Fact]
    public async Task With_the_PutInventory_publisher_an_item_the_service_keeps_rejecting_fails_the_check()
    {
        using ServiceProvider provider = Build(services => services.AddSingleton(NewClient()).AddInventorySource<PackageSource>(), health => health.AddSsmInventory());
        var service = Service(provider);
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Healthy, "The latest publish succeeded");

        for (int publish = 1; publish <= 3; publish++)
        {
            Server.Faults.Enqueue(Fault.Error("InvalidTypeNameException", "rejected"));
            _clock.Advance(s_interval);
            await service.RunOnceAsync(CancellationToken.None);
            await AssertHealth(provider, publish < 3 ? HealthStatus.Degraded : HealthStatus.Unhealthy, "Custom:Package");
        }

        Assert.True(Spool()["Custom:Package"].IsRejected);
        _clock.Advance(s_interval);
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Healthy, "The latest publish succeeded");
    }

    [Fact]
    public async Task With_the_agent_file_sink_the_check_follows_its_writes()
    {
        string folder = Path.Combine(StateFolder.Path, "agent-custom");
        using ServiceProvider provider = Build(
            services => services.AddSingleton<IInventorySink>(new AgentFileSink(new() { InstanceId = Items.Node, Folder = folder })).AddInventorySource<PackageSource>(),
            health => health.AddSsmInventory());
        var service = Service(provider);
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Healthy, "The latest publish succeeded");
        Assert.Single(Directory.GetFiles(folder, "Custom_Package-*.json"));

        // Files of other programs fill the folder past the agent's limit: every write is refused from now on.
        for (int i = 0; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"other-{i}.json"), "[]");
        }

        _clock.Advance(s_interval);
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Degraded, "The latest publish failed with SsmInventory.Publishing.InventoryValidationException;");
        _clock.Advance(s_interval * 2 + TimeSpan.FromSeconds(1));
        await service.RunOnceAsync(CancellationToken.None);
        await AssertHealth(provider, HealthStatus.Unhealthy, "No publish has succeeded for 03:00:01");
    }

    private ServiceProvider Build(Action<IServiceCollection> services, Action<IHealthChecksBuilder> health)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(_clock);
        services(collection);
        collection.AddSsmInventory(options =>
        {
            options.InstanceId = Items.Node;
            options.StateDirectory = StateFolder.Path;
            options.PublishInterval = s_interval;
        });
        health(collection.AddHealthChecks());
        return collection.BuildServiceProvider();
    }

    private static InventoryPublishingService Service(IServiceProvider provider) =>
        provider.GetServices<IHostedService>().OfType<InventoryPublishingService>().Single();

    private static async Task<HealthReportEntry> AssertHealth(IServiceProvider provider, HealthStatus status, string description)
    {
        HealthReport report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        HealthReportEntry entry = report.Entries["ssm_inventory"];
        Assert.Contains(description, entry.Description);
        Assert.Equal(status, entry.Status);
        return entry;
    }

    private static InventoryItemOutcome Outcome(string typeName, InventoryItemStatus status, string? errorCode = null) =>
        new(typeName, status, errorCode, errorCode is null ? null : "reason");

    /// <summary>A sink that answers each publish with the next scripted report, or throws.</summary>
    private sealed class ScriptedSink : IInventorySink
    {
        private Func<InventoryPublishReport> _next = () => throw new InvalidOperationException("Nothing scripted.");

        public void Next(params InventoryItemOutcome[] outcomes) => _next = () => new InventoryPublishReport(Items.Node, outcomes);

        public void NextThrows(Exception exception) => _next = () => throw exception;

        public Task<InventoryPublishReport> PublishAsync(IReadOnlyList<InventoryItemData> items, CancellationToken cancellationToken = default) =>
            Task.FromResult(_next());
    }
}
