using SsmInventory.Hosting;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

[InventoryType("Custom:Certificate", "1.0")]
public sealed record Certificate(string Subject, string Thumbprint, DateTime NotAfter, int KeySize);

[InventoryType("Custom:Package", "1.0")]
public sealed record Package(string Name, string Version);

/// <summary>A source that adds one <see cref="Package"/>.</summary>
internal sealed class PackageSource : IInventorySource
{
    public Task CollectAsync(InventoryBatch batch, CancellationToken cancellationToken)
    {
        batch.Add(PackageInventory.TypeInfo, [new Package("openssl", "3.0.2")]);
        return Task.CompletedTask;
    }
}
