using System.Net;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using SsmInventory.FakeSsm.Http;
using SsmInventory.FakeSsm.Operations;
using SsmInventory.FakeSsm.RateLimiting;

namespace SsmInventory.FakeSsm;

/// <summary>
/// A fake SSM inventory endpoint on a loopback port (Kestrel), speaking AWS JSON 1.1 to the real SDK client. It serves
/// PutInventory, ListInventoryEntries, GetInventory and DeleteInventory with the service's validation and errors.
/// </summary>
public sealed class FakeSsmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping;

    private FakeSsmServer(WebApplication app, Uri serviceUrl, FakeSsmStore store, FaultQueue faults, RequestLog log, CancellationTokenSource stopping)
    {
        _app = app;
        ServiceUrl = serviceUrl;
        Store = store;
        Faults = faults;
        _log = log;
        _stopping = stopping;
    }

    public Uri ServiceUrl { get; }

    public FakeSsmStore Store { get; }

    public FaultQueue Faults { get; }

    /// <summary>A snapshot of every request received so far, in the order they were answered.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>Starts a server on 127.0.0.1 with a free port chosen by the system.</summary>
    /// <param name="latency">
    /// Added before every answer, as a network round trip to a real endpoint would add it; none by default.
    /// </param>
    public static Task<FakeSsmServer> StartAsync(TimeSpan latency = default) => StartAsync(new FakeSsmOptions { Latency = latency });

    /// <summary>Starts a server on 127.0.0.1 with a free port chosen by the system, with latency and a rate limit as asked.</summary>
    public static async Task<FakeSsmServer> StartAsync(FakeSsmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Latency, TimeSpan.Zero);
        var putInventoryLimit = TokenBucket.For(options);
        var store = new FakeSsmStore();
        var faults = new FaultQueue();
        var log = new RequestLog();
        var stopping = new CancellationTokenSource();
        var endpoint = new SsmEndpoint(new OperationRouter(store), faults, log, options.Latency, putInventoryLimit, stopping.Token);

        // The empty builder reads no configuration, environment or appsettings, so nothing on the machine changes how it binds.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(endpoint.HandleAsync);
        await app.StartAsync();
        return new FakeSsmServer(app, new Uri(app.Urls.Single()), store, faults, log, stopping);
    }

    /// <summary>A real SDK client for this server. The caller disposes it.</summary>
    /// <param name="maxErrorRetry">
    /// Retries after the first attempt; 0 surfaces every error. This is the only retry budget: the
    /// SDK's separate, immediate "stale connection" retries (<c>MaxStaleConnectionRetries</c>, on by default) are turned off,
    /// because they resend a request whose connection was reset and would hide the abort faults.
    /// </param>
    /// <param name="timeout">The HTTP timeout of one attempt; the SDK's default when null.</param>
    /// <param name="retryMode">
    /// Standard by default; <see cref="RequestRetryMode.Adaptive"/> adds the SDK's client-side rate limiting, which
    /// slows the client down after throttled answers.
    /// </param>
    public AmazonSimpleSystemsManagementClient CreateClient(int maxErrorRetry = 0, TimeSpan? timeout = null, RequestRetryMode retryMode = RequestRetryMode.Standard)
    {
        var config = new AmazonSimpleSystemsManagementConfig
        {
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = maxErrorRetry,
            RetryMode = retryMode,
            MaxStaleConnectionRetries = 0,
        };
        if (timeout is { } attemptTimeout)
        {
            config.Timeout = attemptTimeout;
        }

        return new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
