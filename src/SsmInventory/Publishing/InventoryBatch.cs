using System.Collections;
using SsmInventory.Metadata;

namespace SsmInventory.Publishing;

/// <summary>
/// Collects the items of one submission, one per TypeName, from typed values or prebuilt items:
/// <c>new InventoryBatch().Add(CertificateInventory.TypeInfo, certificates)</c>. Pass it to
/// <see cref="IInventorySink.PublishAsync"/> as the item list.
/// </summary>
public sealed class InventoryBatch : IReadOnlyList<InventoryItemData>
{
    private readonly List<InventoryItemData> _items = [];
    private readonly HashSet<string> _typeNames = new(StringComparer.Ordinal);
    private readonly TimeProvider? _timeProvider;

    /// <summary>Creates an empty batch.</summary>
    /// <param name="timeProvider">The clock for the items' CaptureTime; <see cref="TimeProvider.System"/> when null.</param>
    public InventoryBatch(TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public InventoryItemData this[int index] => _items[index];

    /// <summary>Adds the rows of one type. No values make an item that clears the type's rows on the node.</summary>
    /// <param name="typeInfo">The generated metadata, such as <c>CertificateInventory.TypeInfo</c>.</param>
    /// <param name="values">Every row of the type: PutInventory replaces the type's whole Content.</param>
    /// <returns>This batch.</returns>
    /// <exception cref="ArgumentException">The batch already has an item of this TypeName, or see <see cref="InventoryItemData.Create{T}"/>.</exception>
    public InventoryBatch Add<T>(InventoryTypeInfo<T> typeInfo, IEnumerable<T> values)
    {
        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        EnsureNew(typeInfo.TypeName, nameof(typeInfo));
        return Add(InventoryItemData.Create(typeInfo, values, _timeProvider));
    }

    /// <summary>Adds a prebuilt item.</summary>
    /// <returns>This batch.</returns>
    /// <exception cref="ArgumentException">The batch already has an item of this TypeName.</exception>
    public InventoryBatch Add(InventoryItemData item)
    {
        if (item is null)
        {
            throw new ArgumentNullException(nameof(item));
        }

        EnsureNew(item.TypeName, nameof(item));
        _typeNames.Add(item.TypeName);
        _items.Add(item);
        return this;
    }

    /// <inheritdoc />
    public IEnumerator<InventoryItemData> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Checked before the rows are written, so a duplicate costs nothing.
    private void EnsureNew(string typeName, string parameterName)
    {
        if (_typeNames.Contains(typeName))
        {
            throw new ArgumentException(
                $"The batch already has an item of {typeName}. PutInventory replaces a type's whole Content with each item, so add all of its rows at once.",
                parameterName);
        }
    }
}
