using SsmInventory.Publishing;

namespace SsmInventory.Hosting;

/// <summary>
/// Collects inventory for the hosted service <c>AddSsmInventory</c> registers. Register implementations with
/// <c>services.AddInventorySource&lt;T&gt;()</c>; each cycle calls every source, then publishes what they added.
/// </summary>
public interface IInventorySource
{
    /// <summary>Adds this source's types to the batch, such as <c>batch.Add(CertificateInventory.TypeInfo, certificates)</c>.</summary>
    /// <param name="batch">The cycle's batch, shared by all sources; each TypeName may be added once.</param>
    /// <param name="cancellationToken">Signalled when the host stops.</param>
    Task CollectAsync(InventoryBatch batch, CancellationToken cancellationToken);
}
