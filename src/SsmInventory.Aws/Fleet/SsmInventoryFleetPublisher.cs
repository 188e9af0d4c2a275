using System.Threading.Channels;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SsmInventory.Aws.Publishing;
using SsmInventory.Aws.Publishing.Pacing;
using SsmInventory.Aws.State;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Fleet;

/// <summary>
/// Publishes inventory for many managed nodes from one process, such as a CMDB sync job: each node exactly as
/// <see cref="SsmInventoryPublisher"/> publishes one (validation first, requests of at most 30 items under 1 MB,
/// hash-only updates for Content the service holds, a durable spool), with the calls of all nodes paced to the
/// account's PutInventory rate limit, which the publisher finds from the service's throttling answers.
/// </summary>
/// <remarks>
/// <para>Nodes are taken from the input one at a time, so the fleet never has to be in memory whole. A bad node id, an
/// item over a limit or a node the service refuses fails that node only, in the report; the others go on.</para>
/// <para>The state (accepted hashes, spool, bytes accepted per node per UTC day) is one SQLite database in
/// <see cref="SsmInventoryFleetOptions.StateDirectory"/>, committed after every accepted call: a killed process loses
/// nothing, and the next publish resends in full only what the service had not accepted. Items that would take a node
/// past the daily quota are deferred: kept, reported, and sent by the first publish after midnight UTC.</para>
/// <para>Give it a client whose SDK retries leave throttling to it (<c>MaxErrorRetry = 0</c>, or a small number): it
/// retries throttled calls itself, at the pace it has found.</para>
/// </remarks>
public sealed class SsmInventoryFleetPublisher
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly SsmInventoryFleetOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the publisher.</summary>
    /// <param name="ssm">The SSM client.</param>
    /// <param name="options">The state folder, concurrency, starting rate and quota; read once, here.</param>
    /// <param name="logger">Where counts and failures are logged; never values.</param>
    /// <param name="timeProvider">The clock for CaptureTime-independent timing and the UTC day; <see cref="TimeProvider.System"/> when null.</param>
    public SsmInventoryFleetPublisher(
        IAmazonSimpleSystemsManagement ssm, SsmInventoryFleetOptions options, ILogger<SsmInventoryFleetPublisher>? logger = null, TimeProvider? timeProvider = null)
    {
        _ssm = ssm ?? throw new ArgumentNullException(nameof(ssm));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// Publishes every node of <paramref name="nodes"/>, then the nodes whose items earlier publishes left in the spool.
    /// </summary>
    /// <param name="nodes">Each node once, with its items.</param>
    /// <param name="progress">Told the counts after every node.</param>
    /// <param name="cancellationToken">
    /// Stops taking nodes; calls already made get <see cref="SsmInventoryFleetOptions.DrainTimeout"/> to finish, and what
    /// they do not deliver stays spooled. The report then says <see cref="FleetPublishReport.Cancelled"/>; nothing throws.
    /// </param>
    /// <exception cref="InvalidOperationException">Another process is publishing with the same state folder.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message says which.</exception>
    public async Task<FleetPublishReport> PublishAsync(
        IAsyncEnumerable<FleetNode> nodes, IProgress<FleetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (nodes is null)
        {
            throw new ArgumentNullException(nameof(nodes));
        }

        ValidateOptions();
        using FleetStateDatabase database = FleetStateDatabase.Open(_options.StateDirectory);
        using var pacer = new PutInventoryPacer(
            new PacerOptions { MaxInFlight = _options.MaxConcurrency, InitialRate = _options.InitialRequestsPerSecond }, _time);
        using var drain = new CancellationTokenSource();
        using CancellationTokenRegistration stopping = cancellationToken.Register(() => drain.CancelAfter(_options.DrainTimeout));

        var run = new FleetRun(this, database, pacer, progress, drain.Token);
        bool cancelled = await run.PublishAsync(nodes, cancellationToken).ConfigureAwait(false);
        if (!cancelled)
        {
            cancelled = await run.PublishAsync(run.SpooledNodesNotSeen(), cancellationToken).ConfigureAwait(false);
        }

        FleetPublishReport report = run.Report(cancelled);
        Log.FleetPublished(_logger, report.Nodes.Count, report.Totals.Sent, report.Totals.Unchanged, report.Totals.Deferred, report.Totals.Failed, report.Totals.Requests, report.Totals.Throttled, cancelled);
        return report;
    }

    private void ValidateOptions()
    {
        if (_options.MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SsmInventoryFleetOptions.MaxConcurrency), _options.MaxConcurrency, "MaxConcurrency must be at least 1.");
        }

        if (!double.IsFinite(_options.InitialRequestsPerSecond) || _options.InitialRequestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SsmInventoryFleetOptions.InitialRequestsPerSecond), _options.InitialRequestsPerSecond, "InitialRequestsPerSecond must be a positive number of calls per second.");
        }

        if (_options.DailyBytesPerNode <= 0 || _options.DailyBytesPerNode > InventoryLimits.MaxBytesPerNodePerDay)
        {
            throw new ArgumentOutOfRangeException(nameof(SsmInventoryFleetOptions.DailyBytesPerNode), _options.DailyBytesPerNode, $"DailyBytesPerNode must be between 1 and the service's quota, {InventoryLimits.MaxBytesPerNodePerDay} bytes.");
        }

        if (_options.DrainTimeout < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(SsmInventoryFleetOptions.DrainTimeout), _options.DrainTimeout, "DrainTimeout cannot be negative.");
        }
    }

    /// <summary>One fleet publish: the workers, the counts and the nodes' reports.</summary>
    private sealed class FleetRun(
        SsmInventoryFleetPublisher owner, FleetStateDatabase database, PutInventoryPacer pacer, IProgress<FleetProgress>? progress, CancellationToken drain)
    {
        private readonly long _started = owner._time.GetTimestamp();
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
        private readonly List<InventoryPublishReport> _reports = [];
        private readonly PublishCounters _counters = new();
        private readonly object _gate = new();
        private int _failedNodes;

        /// <summary>Publishes <paramref name="nodes"/> with the configured concurrency; returns true when cancelled first.</summary>
        public async Task<bool> PublishAsync(IAsyncEnumerable<FleetNode> nodes, CancellationToken cancellationToken)
        {
            var queue = Channel.CreateBounded<FleetNode>(new BoundedChannelOptions(owner._options.MaxConcurrency) { SingleWriter = true });
            Task[] workers = Enumerable.Range(0, owner._options.MaxConcurrency).Select(_ => WorkAsync(queue.Reader)).ToArray();
            bool cancelled = false;
            try
            {
                await foreach (FleetNode node in nodes.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    await queue.Writer.WriteAsync(node, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
            finally
            {
                queue.Writer.Complete();
            }

            await Task.WhenAll(workers).ConfigureAwait(false);
            return cancelled || drain.IsCancellationRequested;
        }

        /// <summary>The nodes with items in the spool that this publish was not given: earlier publishes' leftovers.</summary>
        public async IAsyncEnumerable<FleetNode> SpooledNodesNotSeen()
        {
            foreach (string instanceId in database.SpooledNodes())
            {
                bool seen;
                lock (_gate)
                {
                    seen = _seen.Contains(instanceId);
                }

                if (!seen)
                {
                    yield return new FleetNode(instanceId, []);
                }
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public FleetPublishReport Report(bool cancelled)
        {
            lock (_gate)
            {
                return new FleetPublishReport([.. _reports], Snapshot(), cancelled);
            }
        }

        private async Task WorkAsync(ChannelReader<FleetNode> nodes)
        {
            while (await nodes.WaitToReadAsync().ConfigureAwait(false))
            {
                while (nodes.TryRead(out FleetNode? node))
                {
                    InventoryPublishReport? report = await PublishNodeAsync(node).ConfigureAwait(false);
                    FleetProgress snapshot;
                    lock (_gate)
                    {
                        if (report is not null)
                        {
                            _reports.Add(report);
                            _failedNodes += report.Succeeded ? 0 : 1;
                        }

                        snapshot = Snapshot();
                    }

                    progress?.Report(snapshot);
                }
            }
        }

        /// <summary>One node; null when the drain timeout cancelled it, leaving its items spooled.</summary>
        private async Task<InventoryPublishReport?> PublishNodeAsync(FleetNode node)
        {
            bool duplicate;
            lock (_gate)
            {
                duplicate = !_seen.Add(node.InstanceId);
            }

            if (duplicate)
            {
                return Counted(FailedReport(node, "DuplicateNode", $"The node {node.InstanceId} was given more than once in this publish; its later items were not sent, because each publish of a node replaces its types. Give each node once, with all its items."));
            }

            IReadOnlyList<InventoryValidationProblem> problems = InventoryValidator.Validate(node.InstanceId, node.Items, InventoryValidationRules.PutInventory);
            if (problems.Count > 0)
            {
                return Counted(FailedReport(node, "ValidationFailed", new InventoryValidationException(problems).Message));
            }

            using PublishTelemetry.PublishScope telemetry = PublishTelemetry.StartPublish();
            telemetry.SetInstanceId(node.InstanceId);
            try
            {
                using INodeState state = database.ForNode(node.InstanceId);
                var run = new PublishRun(owner._ssm, state, node.InstanceId, owner._logger, drain)
                {
                    Pacer = pacer,
                    DailyBytes = owner._options.DailyBytesPerNode,
                    Time = owner._time,
                    Counters = _counters,
                };
                InventoryPublishReport report = await run.ExecuteAsync(node.Items).ConfigureAwait(false);
                telemetry.Completed(report);
                return Counted(report);
            }
            catch (OperationCanceledException e) when (drain.IsCancellationRequested)
            {
                telemetry.Failed(e);
                return null;
            }
        }

        private InventoryPublishReport Counted(InventoryPublishReport report)
        {
            _counters.Add(report);
            return report;
        }

        private static InventoryPublishReport FailedReport(FleetNode node, string errorCode, string reason) =>
            new(node.InstanceId, node.Items.Count == 0
                ? [new InventoryItemOutcome("(none)", InventoryItemStatus.Failed, errorCode, reason)]
                : [.. node.Items.Select(item => new InventoryItemOutcome(item?.TypeName ?? "(null)", InventoryItemStatus.Failed, errorCode, reason))]);

        private FleetProgress Snapshot() => _counters.Snapshot(_reports.Count, _failedNodes, owner._time.GetElapsedTime(_started), pacer.Rate);
    }
}
