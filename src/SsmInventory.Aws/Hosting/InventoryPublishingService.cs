using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SsmInventory.Aws;
using SsmInventory.Publishing;

namespace SsmInventory.Hosting;

/// <summary>Collects from every registered <see cref="IInventorySource"/> right away and then on every interval, and publishes.</summary>
internal sealed class InventoryPublishingService : BackgroundService
{
    private readonly IEnumerable<IInventorySource> _sources;
    private readonly IInventorySink _sink;
    private readonly SsmInventoryOptions _options;
    private readonly InventoryPublishHistory _history;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public InventoryPublishingService(
        IEnumerable<IInventorySource> sources,
        IInventorySink sink,
        SsmInventoryOptions options,
        InventoryPublishHistory history,
        TimeProvider timeProvider,
        ILogger<InventoryPublishingService>? logger)
    {
        _sources = sources;
        _sink = sink;
        _options = options;
        _history = history;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Before .NET 10 the host waits for ExecuteAsync's synchronous start; collecting must not hold up startup.
        await Task.Yield();
        using var timer = new PeriodicTimer(_options.PublishInterval, _timeProvider);
        do
        {
            await RunOnceAsync(stoppingToken).ConfigureAwait(false);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One cycle: collect, publish, log the outcome and keep it for the health check. Failures are logged, so the next cycle still runs.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var batch = new InventoryBatch(_timeProvider);
        foreach (IInventorySource source in _sources)
        {
            try
            {
                await source.CollectAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Log.SourceFailed(_logger, source.GetType().FullName ?? source.GetType().Name, e.GetType().FullName ?? e.GetType().Name);
            }
        }

        try
        {
            // The sink logs the report's counts and failures itself.
            _history.Record(await _sink.PublishAsync(batch, cancellationToken).ConfigureAwait(false));
        }
        catch (InventoryValidationException e)
        {
            Log.ValidationFailed(_logger, e.Message);
            _history.RecordFailure(e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PublishFailed(_logger, e);
            _history.RecordFailure(e);
        }
    }
}
