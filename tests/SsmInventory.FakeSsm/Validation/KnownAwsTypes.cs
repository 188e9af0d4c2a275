namespace SsmInventory.FakeSsm.Validation;

/// <summary>The built-in <c>AWS:</c> inventory types and their schema versions, from the SSM User Guide ("Metadata collected by inventory").</summary>
internal static class KnownAwsTypes
{
    private static readonly Dictionary<string, string> Versions = new(StringComparer.Ordinal)
    {
        ["AWS:AWSComponent"] = "1.0",
        ["AWS:Application"] = "1.1",
        ["AWS:ComplianceItem"] = "1.0",
        ["AWS:ComplianceSummary"] = "1.0",
        ["AWS:File"] = "1.0",
        ["AWS:InstanceDetailedInformation"] = "1.0",
        ["AWS:InstanceInformation"] = "1.0",
        ["AWS:Network"] = "1.0",
        ["AWS:PatchSummary"] = "1.0",
        ["AWS:Service"] = "1.0",
        ["AWS:WindowsRegistry"] = "1.0",
        ["AWS:WindowsRole"] = "1.0",
        ["AWS:WindowsUpdate"] = "1.0",
    };

    public static bool TryGetVersion(string typeName, out string version) => Versions.TryGetValue(typeName, out version!);

    /// <summary>
    /// Whether the type takes a Context. The model documents it for "inventory types like AWS:ComplianceItem"; the fake
    /// takes the strictest reading, that type alone.
    /// </summary>
    public static bool TakesContext(string typeName) => typeName == "AWS:ComplianceItem";
}
