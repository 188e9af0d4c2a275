namespace SsmInventory.Sample;

/// <summary>
/// Fixed, made-up data for a type a real deployment would read from its own sources, such as an asset database.
/// </summary>
internal static class SampleData
{
    /// <summary>In production, from the asset database or a file the provisioning pipeline leaves on the node.</summary>
    public static RackLocation RackLocation { get; } = new(
        Region: "us-east-2",
        DataCenter: "CMH52",
        Rack: "R07",
        Slot: 23,
        InstalledDate: new DateTime(2025, 6, 3, 0, 0, 0, DateTimeKind.Utc));
}
