namespace SsmInventory.Aws.Tests;

[InventoryType("Custom:Certificate", "1.0")]
public sealed record Certificate(string Subject, string Thumbprint, DateTime NotAfter, int KeySize);

[InventoryType("Custom:Package", "1.0")]
public sealed record Package(string Name, string Version);
