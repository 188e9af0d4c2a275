using SsmInventory.FakeSsm.Operations;
using SsmInventory.FakeSsm.Protocol;

namespace SsmInventory.FakeSsm;

/// <summary>
/// The inventory the fake service holds: per node, one <see cref="StoredInventoryItem"/> per type, plus the account's custom
/// types. One lock guards everything, so that each request's checks and changes are atomic.
/// </summary>
public sealed class FakeSsmStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, StoredInventoryItem>> _nodes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _customTypes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejectedInstances = new(StringComparer.Ordinal);

    /// <summary>The account's custom types: every <c>Custom:</c> type stored or seeded and not deleted since.</summary>
    public IReadOnlyCollection<string> CustomTypeNames
    {
        get
        {
            lock (_lock)
            {
                return [.. _customTypes.Order(StringComparer.Ordinal)];
            }
        }
    }

    public StoredInventoryItem? Get(string instanceId, string typeName)
    {
        lock (_lock)
        {
            return _nodes.GetValueOrDefault(instanceId)?.GetValueOrDefault(typeName);
        }
    }

    /// <summary>Makes PutInventory for this node fail with <c>InvalidInstanceId</c>, as for a node that is not registered or is terminated.</summary>
    public void RejectInstance(string instanceId)
    {
        lock (_lock)
        {
            _rejectedInstances.Add(instanceId);
        }
    }

    /// <summary>Stores data as if an earlier PutInventory had sent it; no checks, not even the custom type limit.</summary>
    public void Seed(string instanceId, StoredInventoryItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (_lock)
        {
            Node(instanceId)[item.TypeName] = item;
            if (item.TypeName.StartsWith(InventoryRules.CustomPrefix, StringComparison.Ordinal))
            {
                _customTypes.Add(item.TypeName);
            }
        }
    }

    internal bool IsRejected(string instanceId)
    {
        lock (_lock)
        {
            return _rejectedInstances.Contains(instanceId);
        }
    }

    /// <summary>
    /// Applies a PutInventory request all or nothing: the checks that depend on what is stored (custom type count, hash-only
    /// updates) run on a staged copy of the node, which replaces the node only if every item passed.
    /// </summary>
    internal void Put(string instanceId, IReadOnlyList<ReceivedItem> items)
    {
        lock (_lock)
        {
            var newCustomTypes = items.Where(i => i.IsCustom && !_customTypes.Contains(i.TypeName))
                .Select(i => i.TypeName)
                .ToHashSet(StringComparer.Ordinal);
            if (_customTypes.Count + newCustomTypes.Count > InventoryRules.MaxCustomTypes)
            {
                throw SsmErrors.CustomSchemaCountLimitExceeded(InventoryRules.MaxCustomTypes);
            }

            var staged = _nodes.TryGetValue(instanceId, out var current)
                ? new Dictionary<string, StoredInventoryItem>(current, StringComparer.Ordinal)
                : new Dictionary<string, StoredInventoryItem>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                staged[item.TypeName] = item.Content is null ? ApplyHashOnly(staged.GetValueOrDefault(item.TypeName), item)
                    : new StoredInventoryItem(item.TypeName, item.SchemaVersion, item.CaptureTime, item.ContentHash, item.Content);
            }

            _nodes[instanceId] = staged;
            _customTypes.UnionWith(newCustomTypes);
        }
    }

    /// <summary>Nodes holding data, in instance id order, with their items (all of them, or only <paramref name="typeName"/>).</summary>
    internal IReadOnlyList<(string InstanceId, IReadOnlyList<StoredInventoryItem> Items)> Nodes(string? typeName)
    {
        lock (_lock)
        {
            return [.. _nodes.OrderBy(node => node.Key, StringComparer.Ordinal)
                .Select(node => (InstanceId: node.Key, Items: (IReadOnlyList<StoredInventoryItem>)[.. node.Value.Values
                    .Where(item => typeName is null || item.TypeName == typeName)
                    .OrderBy(item => item.TypeName, StringComparer.Ordinal)]))
                .Where(node => node.Items.Count > 0)];
        }
    }

    /// <summary>Removes a custom type from every node and from the account, unless <paramref name="dryRun"/>.</summary>
    /// <returns>The number of nodes holding the type, or null when the account has no such custom type.</returns>
    internal int? DeleteType(string typeName, bool dryRun)
    {
        lock (_lock)
        {
            if (!_customTypes.Contains(typeName))
            {
                return null;
            }

            var holders = _nodes.Values.Where(items => items.ContainsKey(typeName)).ToList();
            if (!dryRun)
            {
                holders.ForEach(items => items.Remove(typeName));
                _customTypes.Remove(typeName);
            }

            return holders.Count;
        }
    }

    /// <summary>A hash-only item keeps the stored content and only refreshes its capture time, if its hash matches what is stored.</summary>
    private static StoredInventoryItem ApplyHashOnly(StoredInventoryItem? stored, ReceivedItem item)
    {
        if (stored?.ContentHash is null || item.ContentHash != stored.ContentHash)
        {
            throw SsmErrors.ItemContentMismatch(item.TypeName);
        }

        return stored with { CaptureTime = item.CaptureTime };
    }

    private Dictionary<string, StoredInventoryItem> Node(string instanceId)
    {
        if (!_nodes.TryGetValue(instanceId, out var node))
        {
            node = new Dictionary<string, StoredInventoryItem>(StringComparer.Ordinal);
            _nodes[instanceId] = node;
        }

        return node;
    }
}
