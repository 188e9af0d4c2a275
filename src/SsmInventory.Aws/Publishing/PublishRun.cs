using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Logging;
using SsmInventory.Aws.Publishing.Pacing;
using SsmInventory.Aws.State;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>
/// One publish for one node: spools the items, sends them with any older spooled ones, records the outcomes, and leaves
/// in the spool exactly the items not accepted.
/// </summary>
internal sealed class PublishRun
{
    /// <summary>The code of an item deferred by the daily quota.</summary>
    public const string DailyQuotaCode = "DailyQuotaReached";

    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly INodeState _state;
    private readonly string _instanceId;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, InventoryItemOutcome> _outcomes = new(StringComparer.Ordinal);

    // What the spool must hold after this run: the items not accepted, by TypeName.
    private readonly Dictionary<string, SpoolEntry> _remaining = new(StringComparer.Ordinal);
    private bool _spoolWritten;
    private Dictionary<string, string> _acceptedHashes = [];

    public PublishRun(IAmazonSimpleSystemsManagement ssm, INodeState state, string instanceId, ILogger logger, CancellationToken cancellationToken)
    {
        _ssm = ssm;
        _state = state;
        _instanceId = instanceId;
        _logger = logger;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Paces every call, retrying throttled ones at the pace it finds; null leaves throttling to the SDK's retries. A
    /// fleet publish shares one pacer between its nodes.
    /// </summary>
    public PutInventoryPacer? Pacer { get; init; }

    /// <summary>
    /// The Content bytes the node may have accepted per UTC day, when the state keeps the count; an item that would go
    /// over it is deferred: kept in the spool and reported, not sent.
    /// </summary>
    public long? DailyBytes { get; init; }

    /// <summary>The clock of the UTC day the quota counts.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Told of every call made, for a fleet publish's totals.</summary>
    public PublishCounters? Counters { get; init; }

    /// <summary>Publishes validated <paramref name="items"/> and whatever the spool still holds for other types.</summary>
    public async Task<InventoryPublishReport> ExecuteAsync(IReadOnlyList<InventoryItemData> items)
    {
        _acceptedHashes = _state.LoadHashes(out bool hashesUnreadable);
        if (hashesUnreadable)
        {
            Log.HashStoreUnreadable(_logger, _state.Location);
        }

        List<SpoolEntry> spooled = _state.LoadSpool(out List<string> unreadableFiles);
        foreach (string file in unreadableFiles)
        {
            Log.SpoolEntryUnreadable(_logger, file);
        }

        // Written before any call, in one file: a process killed from here on finds these items in the spool next time.
        // Content the service already holds is not: its hash-only update loses nothing if it never arrives. It still goes
        // in when it replaces an older spooled item of its type, which it supersedes.
        var spooledTypes = new HashSet<string>(spooled.Select(e => e.Item.TypeName), StringComparer.Ordinal);
        List<PendingItem> toSend = [.. items.Select(Pending)];
        Spool(toSend.Where(p => !p.HashOnly || spooledTypes.Contains(p.TypeName)).ToList());

        var given = new HashSet<string>(items.Select(i => i.TypeName), StringComparer.Ordinal);
        List<SpoolEntry> older = spooled.Where(e => !given.Contains(e.Item.TypeName)).ToList();
        foreach (SpoolEntry entry in older)
        {
            if (entry.IsRejected)
            {
                // Sending it again cannot succeed; it is reported on every publish until a newer item replaces it.
                _outcomes[entry.Item.TypeName] = new InventoryItemOutcome(entry.Item.TypeName, InventoryItemStatus.Failed, entry.RejectedErrorCode, entry.RejectedReason);
                _remaining[entry.Item.TypeName] = entry;
            }
            else
            {
                toSend.Add(new PendingItem(entry.Item, IsAccepted(entry.Item)) { Spooled = true });
            }
        }

        await SendAsync(DeferOverQuota(toSend)).ConfigureAwait(false);
        if (_spoolWritten || !SameEntries(spooled, _remaining))
        {
            _state.ReplaceSpool(_remaining.Values);
        }

        PublishTelemetry.RecordSpoolLength(_remaining.Count);

        var outcomes = items.Concat(older.Select(e => e.Item)).Select(i => _outcomes[i.TypeName]).ToList();
        var report = new InventoryPublishReport(_instanceId, outcomes);
        Log.Published(_logger, _instanceId, report.Sent.Count(), report.Unchanged.Count(), report.Failed.Count());
        foreach (InventoryItemOutcome failure in report.Failed)
        {
            Log.ItemFailed(_logger, failure.TypeName, _instanceId, failure.ErrorCode, failure.Reason);
        }

        return report;
    }

    private DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <summary>
    /// The items that fit in what is left of the node's daily quota, in order; the others are deferred: kept in the spool
    /// and reported. Hash-only updates carry no Content and always go.
    /// </summary>
    private List<PendingItem> DeferOverQuota(List<PendingItem> items)
    {
        if (DailyBytes is not long limit || _state.AcceptedContentBytes(Today) is not long accepted)
        {
            return items;
        }

        var fitting = new List<PendingItem>(items.Count);
        long planned = accepted;
        foreach (PendingItem item in items)
        {
            long bytes = item.HashOnly ? 0 : item.JsonBytes;

            // Strictly under the quota, like every other limit.
            if (planned + bytes < limit)
            {
                planned += bytes;
                fitting.Add(item);
                continue;
            }

            _remaining[item.TypeName] = new SpoolEntry(item.Item);
            _outcomes[item.TypeName] = new InventoryItemOutcome(
                item.TypeName,
                InventoryItemStatus.Deferred,
                DailyQuotaCode,
                $"Kept back: with its {bytes} bytes the node would reach its daily quota of {limit} bytes of Content "
                + $"(already {planned} accepted or planned today, UTC). It stays spooled and goes with the first publish after midnight UTC.");
        }

        return fitting;
    }

    // Content the service accepted last time goes as a hash-only update, as the SSM Agent does.
    private PendingItem Pending(InventoryItemData item) => new(item, IsAccepted(item));

    private bool IsAccepted(InventoryItemData item) =>
        _acceptedHashes.TryGetValue(item.TypeName, out string? hash) && string.Equals(hash, item.ContentHash, StringComparison.Ordinal);

    private void Spool(List<PendingItem> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        _state.Spool([.. items.Select(p => new SpoolEntry(p.Item))]);
        items.ForEach(p => p.Spooled = true);
        _spoolWritten = true;
    }

    /// <summary>True when the spool as loaded already holds exactly <paramref name="remaining"/>, so it need not be rewritten.</summary>
    private static bool SameEntries(List<SpoolEntry> loaded, Dictionary<string, SpoolEntry> remaining) =>
        loaded.Count == remaining.Count && loaded.All(e =>
            remaining.TryGetValue(e.Item.TypeName, out SpoolEntry? kept)
            && ReferenceEquals(kept.Item, e.Item)
            && kept.RejectedErrorCode == e.RejectedErrorCode
            && kept.RejectedReason == e.RejectedReason);

    private async Task SendAsync(List<PendingItem> items)
    {
        // Requests still to send, in order. Each failure below either settles items or changes them in a way that
        // happens at most once per item (full Content instead of hash-only, sent alone), so the loop ends.
        var work = new Stack<List<PendingItem>>();
        PushAll(work, RequestSplitter.Split(_instanceId, items));
        PutInventoryError? nodeFailure = null;
        while (work.Count > 0)
        {
            List<PendingItem> request = work.Pop();
            if (nodeFailure is not null)
            {
                Fail(request, nodeFailure);
                continue;
            }

            PutInventoryError? error = await PutAsync(request).ConfigureAwait(false);
            if (error is null)
            {
                Accept(request);
            }
            else if (error.MayMeanStaleHash && request.Any(p => p.HashOnly))
            {
                // The service no longer holds what a hash claims: send the whole request again, in full, once, and
                // spool what was not spooled, since its Content is no longer anywhere but here.
                request.ForEach(p => p.HashOnly = false);
                Spool(request.Where(p => !p.Spooled).ToList());

                PushAll(work, RequestSplitter.Split(_instanceId, request));
            }
            else if (request.Count > 1 && request.Find(p => p.TypeName == error.TypeName) is { } culprit)
            {
                Fail([culprit], error);
                request.Remove(culprit);
                work.Push(request);
            }
            else if (request.Count > 1 && error.ItemSpecific)
            {
                // The service rejects a request as a whole without naming the item; sent alone, the others get through.
                PushAll(work, request.Select(p => new List<PendingItem> { p }));
            }
            else
            {
                Fail(request, error);
                if (error.AffectsNode)
                {
                    nodeFailure = error;
                }
            }
        }
    }

    /// <summary>Sends one request; returns null when the service accepted it.</summary>
    private async Task<PutInventoryError?> PutAsync(List<PendingItem> request)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var put = new PutInventoryRequest
        {
            InstanceId = _instanceId,
            Items = request.ConvertAll(p => p.ToSdk()),
        };

        PutInventoryError? error = await CallAsync(put).ConfigureAwait(false);
        PublishTelemetry.RecordRequest(_instanceId, request, error);
        return error;
    }

    private async Task<PutInventoryError?> CallAsync(PutInventoryRequest put)
    {
        try
        {
            if (Pacer is null)
            {
                await AttemptAsync(put, _cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Pacer.SendAsync(cancellationToken => AttemptAsync(put, cancellationToken), _cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (AmazonServiceException e) when (e.ErrorCode is not null || e.StatusCode != 0)
        {
            return PutInventoryError.From(e);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
        {
            // A reset connection, a timeout or an unreachable endpoint, after the SDK's own retries.
            return PutInventoryError.FromTransport(e);
        }
    }

    /// <summary>One attempt at a call, counted.</summary>
    private async Task<PutInventoryResponse> AttemptAsync(PutInventoryRequest put, CancellationToken cancellationToken)
    {
        try
        {
            PutInventoryResponse response = await _ssm.PutInventoryAsync(put, cancellationToken).ConfigureAwait(false);
            Counters?.Request(throttled: false);
            return response;
        }
        catch (AmazonServiceException e)
        {
            Counters?.Request(throttled: e.ErrorCode == PutInventoryError.ThrottlingErrorCode);
            throw;
        }
    }

    private void Accept(List<PendingItem> request)
    {
        bool hashesChanged = false;
        foreach (PendingItem item in request)
        {
            hashesChanged |= !IsAccepted(item.Item);
            _acceptedHashes[item.TypeName] = item.Item.ContentHash;
        }

        // A process killed after this resends the accepted items still in the spool as matching hash-only updates.
        // The day's count only matters where a quota is kept; measuring walks every row again.
        long contentBytes = DailyBytes is null ? 0 : request.Where(p => !p.HashOnly).Sum(p => p.JsonBytes);
        _state.SaveAccepted(_acceptedHashes, hashesChanged, contentBytes, Today);

        foreach (PendingItem item in request)
        {
            _outcomes[item.TypeName] = new InventoryItemOutcome(item.TypeName, item.HashOnly ? InventoryItemStatus.Unchanged : InventoryItemStatus.Sent);
        }
    }

    private void Fail(List<PendingItem> items, PutInventoryError error)
    {
        foreach (PendingItem item in items)
        {
            _remaining[item.TypeName] = error.Resendable ? new SpoolEntry(item.Item) : new SpoolEntry(item.Item, error.Code, error.OutcomeReason);

            _outcomes[item.TypeName] = new InventoryItemOutcome(item.TypeName, InventoryItemStatus.Failed, error.Code, error.OutcomeReason);
        }
    }

    private static void PushAll(Stack<List<PendingItem>> work, IEnumerable<List<PendingItem>> requests)
    {
        foreach (List<PendingItem> request in requests.Reverse())
        {
            work.Push(request);
        }
    }
}
