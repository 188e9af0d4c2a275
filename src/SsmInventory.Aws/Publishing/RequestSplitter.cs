namespace SsmInventory.Aws.Publishing;

/// <summary>Packs items into PutInventory requests of at most 30 items and under 1 MB of JSON, keeping their order.</summary>
internal static class RequestSplitter
{
    // {"InstanceId":"…","Items":[…]} around the items; the id is validated, so each of its characters is one byte.
    private static readonly int s_envelopeBytes = "{\"InstanceId\":\"\",\"Items\":[]}".Length;

    /// <summary>The bytes of a request body that holds <paramref name="request"/>: the envelope, the items and the commas between them.</summary>
    public static long SizeOf(string instanceId, List<PendingItem> request) =>
        EnvelopeBytes(instanceId) + request.Sum(p => p.JsonBytes) + Math.Max(request.Count - 1, 0);

    public static List<List<PendingItem>> Split(string instanceId, IEnumerable<PendingItem> items)
    {
        long envelope = EnvelopeBytes(instanceId);
        var requests = new List<List<PendingItem>>();
        var current = new List<PendingItem>();
        long size = envelope;
        foreach (PendingItem item in items)
        {
            long itemBytes = item.JsonBytes;
            long separator = current.Count > 0 ? 1 : 0;
            if (current.Count == InventoryLimits.MaxItemsPerRequest
                || (current.Count > 0 && size + separator + itemBytes >= InventoryLimits.MaxRequestBytes))
            {
                requests.Add(current);
                current = [];
                size = envelope;
                separator = 0;
            }

            // Validation keeps every item under 200 KB, so one alone always fits.
            current.Add(item);
            size += separator + itemBytes;
        }

        if (current.Count > 0)
        {
            requests.Add(current);
        }

        return requests;
    }

    private static long EnvelopeBytes(string instanceId) => s_envelopeBytes + instanceId.Length;
}
