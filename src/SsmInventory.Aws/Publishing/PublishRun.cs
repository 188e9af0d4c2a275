using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.Extensions.Logging;
using SsmInventory.Aws.State;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Publishing;

/// <summary>One publish for one node: spools the items, sends them with any older spooled ones, and records the outcomes.</summary>
internal sealed class PublishRun
{
    private readonly IAmazonSimpleSystemsManagement _ssm;
    private readonly NodeState _state;
    private readonly string _instanceId;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, InventoryItemOutcome> _outcomes = new(StringComparer.Ordinal);
    private Dictionary<string, string> _acceptedHashes = [];

    public PublishRun(IAmazonSimpleSystemsManagement ssm, NodeState state, string instanceId, ILogger logger, CancellationToken cancellationToken)
    {
        _ssm = ssm;
        _state = state;
        _instanceId = instanceId;
        _logger = logger;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Publishes validated <paramref name="items"/> and whatever the spool still holds for other types.</summary>
    public async Task<InventoryPublishReport> ExecuteAsync(IReadOnlyList<InventoryItemData> items)
    {
        _acceptedHashes = _state.LoadHashes(out bool hashesUnreadable);
        if (hashesUnreadable)
        {
            Log.HashStoreUnreadable(_logger, _state.Folder);
        }

        List<SpoolEntry> spooled = _state.LoadSpool(out List<string> unreadableFiles);
        foreach (string file in unreadableFiles)
        {
            Log.SpoolEntryUnreadable(_logger, file);
        }

        // Written before any call: a process killed from here on finds these items in the spool next time. Content the
        // service already holds is not: its hash-only update loses nothing if it never arrives. It still replaces an older
        // spooled item of its type, which it supersedes.
        var spooledTypes = new HashSet<string>(spooled.Select(e => e.Item.TypeName), StringComparer.Ordinal);
        var toSend = new List<PendingItem>(items.Count + spooled.Count);
        foreach (InventoryItemData item in items)
        {
            PendingItem pending = Pending(item);
            if (!pending.HashOnly || spooledTypes.Contains(item.TypeName))
            {
                Spool(pending);
            }

            toSend.Add(pending);
        }

        var given = new HashSet<string>(items.Select(i => i.TypeName), StringComparer.Ordinal);
        List<SpoolEntry> older = spooled.Where(e => !given.Contains(e.Item.TypeName)).ToList();
        foreach (SpoolEntry entry in older)
        {
            if (entry.IsRejected)
            {
                // Sending it again cannot succeed; it is reported on every publish until a newer item replaces it.
                _outcomes[entry.Item.TypeName] = new InventoryItemOutcome(entry.Item.TypeName, InventoryItemStatus.Failed, entry.RejectedErrorCode, entry.RejectedReason);
            }
            else
            {
                toSend.Add(new PendingItem(entry.Item, IsAccepted(entry.Item)) { Spooled = true });
            }
        }

        await SendAsync(toSend).ConfigureAwait(false);

        var outcomes = items.Concat(older.Select(e => e.Item)).Select(i => _outcomes[i.TypeName]).ToList();
        var report = new InventoryPublishReport(_instanceId, outcomes);
        Log.Published(_logger, _instanceId, report.Sent.Count(), report.Unchanged.Count(), report.Failed.Count());
        foreach (InventoryItemOutcome failure in report.Failed)
        {
            Log.ItemFailed(_logger, failure.TypeName, _instanceId, failure.ErrorCode, failure.Reason);
        }

        return report;
    }

    // Content the service accepted last time goes as a hash-only update, as the SSM Agent does.
    private PendingItem Pending(InventoryItemData item) => new(item, IsAccepted(item));

    private bool IsAccepted(InventoryItemData item) =>
        _acceptedHashes.TryGetValue(item.TypeName, out string? hash) && string.Equals(hash, item.ContentHash, StringComparison.Ordinal);

    private void Spool(PendingItem item, PutInventoryError? rejection = null)
    {
        _state.Spool(new SpoolEntry(item.Item, rejection?.Code, rejection?.OutcomeReason));
        item.Spooled = true;
    }

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
                foreach (PendingItem item in request)
                {
                    item.HashOnly = false;
                    if (!item.Spooled)
                    {
                        Spool(item);
                    }
                }

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
            Items = request.Select(p => new InventoryItem
            {
                TypeName = p.Item.TypeName,
                SchemaVersion = p.Item.SchemaVersion,
                CaptureTime = p.Item.CaptureTime,
                ContentHash = p.Item.ContentHash,

                // Null leaves Content off the wire (a hash-only update); an empty list goes as [] and clears the type.
                Content = p.HashOnly ? null : p.Item.Content,
            }).ToList(),
        };

        try
        {
            await _ssm.PutInventoryAsync(put, _cancellationToken).ConfigureAwait(false);
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

    private void Accept(List<PendingItem> request)
    {
        bool hashesChanged = false;
        foreach (PendingItem item in request)
        {
            hashesChanged |= !IsAccepted(item.Item);
            _acceptedHashes[item.TypeName] = item.Item.ContentHash;
        }

        // Hashes first: a process killed between the two steps resends the spooled items as matching hash-only updates.
        if (hashesChanged)
        {
            _state.SaveHashes(_acceptedHashes);
        }

        foreach (PendingItem item in request)
        {
            if (item.Spooled)
            {
                _state.Unspool(item.TypeName);
            }

            _outcomes[item.TypeName] = new InventoryItemOutcome(item.TypeName, item.HashOnly ? InventoryItemStatus.Unchanged : InventoryItemStatus.Sent);
        }
    }

    private void Fail(List<PendingItem> items, PutInventoryError error)
    {
        foreach (PendingItem item in items)
        {
            if (!error.Resendable || !item.Spooled)
            {
                Spool(item, error.Resendable ? null : error);
            }

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
