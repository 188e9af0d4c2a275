using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SsmInventory.Aws.Publishing;
using SsmInventory.Aws.State;
using SsmInventory.Publishing;

namespace SsmInventory.Aws;

/// <summary>
/// Publishes inventory for one managed node with SSM's PutInventory.
/// </summary>
/// <remarks>
/// <para>Each publish validates every item against the service's limits before any call, then spools the items with
/// new Content to disk, packs the items into requests of at most 30 items and under 1 MB, and sends them. Content the service accepted
/// before is sent as a hash-only update, as the SSM Agent does; when the service no longer holds it
/// (<c>ItemContentMismatchException</c> or <c>InvalidItemContentException</c>) the full Content is sent once more.</para>
/// <para>An item leaves the spool only when the service has accepted it; one that failed (hash-only or not) is
/// spooled, reported, and sent again on
/// the next publish, together with that publish's items, unless a newer item of its type replaces it. An item the
/// service rejected for a reason resending cannot fix (such as an invalid TypeName) is kept and reported as failed on
/// every publish, but not sent again until a newer item of its type replaces it.</para>
/// <para>Throttling and server errors are retried by the SDK client (its retry mode and MaxErrorRetry).</para>
/// </remarks>
public sealed class SsmInventoryPublisher : IInventorySink
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly SsmInventoryOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _instanceId;

    /// <summary>Creates the publisher.</summary>
    /// <param name="ssm">The SSM client; its configuration decides retries and timeouts.</param>
    /// <param name="options">The node, the state folder and the rest; read once, here.</param>
    /// <param name="logger">Where counts and failures are logged; never values.</param>
    public SsmInventoryPublisher(IAmazonSimpleSystemsManagement ssm, SsmInventoryOptions options, ILogger<SsmInventoryPublisher>? logger = null)
    {
        _ssm = ssm ?? throw new ArgumentNullException(nameof(ssm));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The managed node this publisher publishes for: <see cref="SsmInventoryOptions.InstanceId"/>, or the detected one.</summary>
    /// <exception cref="InvalidOperationException">It is not set and cannot be detected.</exception>
    public async Task<string> GetInstanceIdAsync(CancellationToken cancellationToken = default) =>
        _instanceId ??= await ManagedNodeId.ResolveAsync(_options, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Publishes <paramref name="items"/>, one per TypeName (an <see cref="InventoryBatch"/> builds them from typed
    /// values), together with items earlier publishes could not deliver. An empty list sends only those.
    /// </summary>
    /// <returns>Every item of this call, then every older spooled one, with what happened to it.</returns>
    /// <exception cref="InventoryValidationException">An item, or the node id, breaks a limit; nothing was sent or spooled.</exception>
    /// <exception cref="InvalidOperationException">The node id is not set and cannot be detected, or another process holds the state folder.</exception>
    /// <exception cref="IOException">The state folder cannot be written; items not yet accepted stay spooled.</exception>
    /// <exception cref="OperationCanceledException">Cancelled; items not yet accepted stay spooled for the next publish.</exception>
    public async Task<InventoryPublishReport> PublishAsync(IReadOnlyList<InventoryItemData> items, CancellationToken cancellationToken = default)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        using PublishTelemetry.PublishScope telemetry = PublishTelemetry.StartPublish();
        try
        {
            string instanceId = await GetInstanceIdAsync(cancellationToken).ConfigureAwait(false);
            telemetry.SetInstanceId(instanceId);
            InventoryValidator.ThrowIfInvalid(instanceId, items, InventoryValidationRules.PutInventory);

            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using NodeState state = await NodeState.OpenAsync(_options.StateDirectory, instanceId, cancellationToken).ConfigureAwait(false);
                InventoryPublishReport report = await new PublishRun(_ssm, state, instanceId, _logger, cancellationToken).ExecuteAsync(items).ConfigureAwait(false);
                telemetry.Completed(report);
                return report;
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception e)
        {
            telemetry.Failed(e);
            throw;
        }
    }
}
