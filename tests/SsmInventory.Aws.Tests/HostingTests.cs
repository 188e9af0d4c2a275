using System.Collections.Concurrent;
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SsmInventory.Hosting;
using SsmInventory.Publishing;
using Fault = SsmInventory.FakeSsm.Fault;

namespace SsmInventory.Aws.Tests;

public sealed class HostingTests : PublisherTest
{
    // Inventory values and a credential that must never reach a log.
    private const string Value = "INVENTORY-VALUE-4711";
    private const string SecretKey = "SECRET-ACCESS-KEY-0815";

    [Fact]
    public void AddSsmInventory_creates_the_SSM_client_with_the_retry_and_timeout_settings()
    {
        var services = new ServiceCollection();
        services.AddDefaultAWSOptions(new AWSOptions { Region = RegionEndpoint.EUWest1, Credentials = new BasicAWSCredentials("AKIDTEST", SecretKey) });
        services.AddSsmInventory(options =>
        {
            options.InstanceId = Items.Node;
            options.StateDirectory = StateFolder.Path;
            options.RetryMode = RequestRetryMode.Adaptive;
            options.MaxErrorRetry = 5;
            options.Timeout = TimeSpan.FromSeconds(7);
        });
        using ServiceProvider provider = services.BuildServiceProvider();

        IClientConfig config = provider.GetRequiredService<IAmazonSimpleSystemsManagement>().Config;
        Assert.Equal(RequestRetryMode.Adaptive, config.RetryMode);
        Assert.Equal(5, config.MaxErrorRetry);
        Assert.Equal(TimeSpan.FromSeconds(7), config.Timeout);
        Assert.IsType<SsmInventoryPublisher>(provider.GetRequiredService<IInventorySink>());
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public void AddSsmInventory_keeps_an_SSM_client_that_is_already_registered()
    {
        IAmazonSimpleSystemsManagement client = NewClient();
        var services = new ServiceCollection();
        services.AddSingleton(client);
        services.AddSsmInventory().AddSsmInventory();
        using ServiceProvider provider = services.BuildServiceProvider();

        Assert.Same(client, provider.GetRequiredService<IAmazonSimpleSystemsManagement>());
        Assert.Single(provider.GetServices<IHostedService>());
    }

    [Fact]
    public async Task Configuration_switches_the_hosted_service_to_the_agent_file_sink()
    {
        string folder = Path.Combine(StateFolder.Path, "agent-custom");
        var logs = new LogCapture();
        using IHost host = BuildHost(logs, services => services
            .AddSingleton<IInventorySink>(new SsmInventory.AgentFiles.AgentFileSink(new() { InstanceId = Items.Node, Folder = folder }))
            .AddInventorySource<CertificateSource>());

        var service = (InventoryPublishingService)host.Services.GetServices<IHostedService>().Single();
        await service.RunOnceAsync(CancellationToken.None);

        Assert.IsType<SsmInventory.AgentFiles.AgentFileSink>(host.Services.GetRequiredService<IInventorySink>());
        Assert.Single(Directory.GetFiles(folder, "Custom_Certificate-*.json"));
        Assert.Empty(Puts);
    }

    [Fact]
    public void Options_that_cannot_work_are_refused()
    {
        var services = new ServiceCollection();
        services.AddSingleton(NewClient());
        services.AddSsmInventory(options => options.PublishInterval = TimeSpan.Zero);
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<IInventorySink>());
        Assert.Contains("PublishInterval", error.Message);
    }

    [Fact]
    public async Task The_hosted_service_collects_from_every_source_and_publishes_right_away()
    {
        var logs = new LogCapture();
        using IHost host = BuildHost(logs, services => services.AddInventorySource<CertificateSource>().AddInventorySource<PackageSource>());
        await host.StartAsync();
        await WaitUntil(() => Server.Store.Get(Items.Node, "Custom:Package") is not null && logs.Contains("Published inventory"));
        await host.StopAsync();

        Assert.Equal(Value, Server.Store.Get(Items.Node, "Custom:Certificate")!.Content[0]["Subject"]);
        Assert.Equal(["Custom:Certificate", "Custom:Package"], Assert.Single(Puts).Items.Select(i => i.TypeName));
        Assert.Contains("2 sent, 0 unchanged, 0 failed", logs.Text);
    }

    [Fact]
    public async Task Logs_never_contain_inventory_values_or_credentials()
    {
        var logs = new LogCapture();
        using IHost host = BuildHost(logs, services => services
            .AddInventorySource<CertificateSource>()
            .AddInventorySource<ThrowingSource>()
            .AddInventorySource<OversizedSource>());
        var publishing = (IHostedService)host.Services.GetServices<IHostedService>().Single();
        var service = (InventoryPublishingService)publishing;

        // A cycle that fails validation (a value over 4096 bytes), then ones that succeed, fail at the service and go hash-only.
        await service.RunOnceAsync(CancellationToken.None);
        OversizedSource.Enabled = false;
        await service.RunOnceAsync(CancellationToken.None);
        Server.Faults.Enqueue(Fault.Error("InvalidTypeNameException", $"Value {Value} is not valid"));
        await service.RunOnceAsync(CancellationToken.None);
        await service.RunOnceAsync(CancellationToken.None);

        Assert.True(logs.Contains("breaks limits"));
        Assert.True(logs.Contains("ThrowingSource failed with"));
        Assert.True(logs.Contains("InvalidTypeNameException"));
        Assert.True(logs.Contains("0 sent, 1 unchanged, 0 failed"));
        Assert.True(logs.Contains("1 sent, 0 unchanged, 0 failed"));
        Assert.DoesNotContain(Value, logs.Text);
        Assert.DoesNotContain(SecretKey, logs.Text);
        Assert.DoesNotContain("AKIDLOGS", logs.Text);
    }

    private IHost BuildHost(LogCapture logs, Action<IServiceCollection> sources)
    {
        var client = new AmazonSimpleSystemsManagementClient(
            new BasicAWSCredentials("AKIDLOGS", SecretKey),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = Server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddSingleton<IAmazonSimpleSystemsManagement>(client);
        builder.Services.AddSsmInventory(options =>
        {
            options.InstanceId = Items.Node;
            options.StateDirectory = StateFolder.Path;
            options.PublishInterval = TimeSpan.FromHours(1);
        });
        sources(builder.Services);
        return builder.Build();
    }

    private sealed class CertificateSource : IInventorySource
    {
        public Task CollectAsync(InventoryBatch batch, CancellationToken cancellationToken)
        {
            batch.Add(CertificateInventory.TypeInfo, [new Certificate(Value, "AB12", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2048)]);
            return Task.CompletedTask;
        }
    }


    private sealed class ThrowingSource : IInventorySource
    {
        public Task CollectAsync(InventoryBatch batch, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Could not parse {Value}");
    }

    private sealed class OversizedSource : IInventorySource
    {
        public static bool Enabled { get; set; } = true;

        public Task CollectAsync(InventoryBatch batch, CancellationToken cancellationToken)
        {
            if (Enabled)
            {
                batch.Add(PackageInventory.TypeInfo, [new Package(Value + new string('x', 5000), "1")]);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Keeps every log entry: the formatted message, every structured value, and any exception in full.</summary>
    private sealed class LogCapture : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public string Text => string.Join(Environment.NewLine, _entries);

        public bool Contains(string text) => _entries.Any(e => e.Contains(text, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            _entries.Enqueue($"scope: {state}");
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join("; ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            _entries.Enqueue($"{logLevel}: {formatter(state, exception)} [{values}] {exception}");
        }

        public void Dispose()
        {
        }
    }
}
