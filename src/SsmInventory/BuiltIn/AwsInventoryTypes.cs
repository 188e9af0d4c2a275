// The built-in AWS: inventory types, as typed read models. The attribute lists match schemas/aws/*.json, which come from
// the Systems Manager User Guide's "Metadata collected by inventory". Every property is nullable: the service leaves out
// attributes a node does not report. number attributes read as long.
namespace SsmInventory.BuiltIn;

/// <summary>Read model for <c>AWS:InstanceInformation</c> (SchemaVersion 1.0); read rows with <c>AwsInstanceInformationInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:InstanceInformation", "1.0")]
public sealed class AwsInstanceInformation
{
    /// <summary>The <c>AgentType</c> attribute.</summary>
    public string? AgentType { get; set; }

    /// <summary>The <c>AgentVersion</c> attribute.</summary>
    public string? AgentVersion { get; set; }

    /// <summary>The <c>ComputerName</c> attribute.</summary>
    public string? ComputerName { get; set; }

    /// <summary>The <c>IamRole</c> attribute.</summary>
    public string? IamRole { get; set; }

    /// <summary>The <c>InstanceId</c> attribute.</summary>
    public string? InstanceId { get; set; }

    /// <summary>The <c>IpAddress</c> attribute.</summary>
    public string? IpAddress { get; set; }

    /// <summary>The <c>PlatformName</c> attribute.</summary>
    public string? PlatformName { get; set; }

    /// <summary>The <c>PlatformType</c> attribute.</summary>
    public string? PlatformType { get; set; }

    /// <summary>The <c>PlatformVersion</c> attribute.</summary>
    public string? PlatformVersion { get; set; }

    /// <summary>The <c>ResourceType</c> attribute.</summary>
    public string? ResourceType { get; set; }
}

/// <summary>Read model for <c>AWS:Application</c> (SchemaVersion 1.1); read rows with <c>AwsApplicationInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:Application", "1.1")]
public sealed class AwsApplication
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>ApplicationType</c> attribute.</summary>
    public string? ApplicationType { get; set; }

    /// <summary>The <c>Publisher</c> attribute.</summary>
    public string? Publisher { get; set; }

    /// <summary>The <c>Version</c> attribute.</summary>
    public string? Version { get; set; }

    /// <summary>The <c>InstalledTime</c> attribute.</summary>
    public string? InstalledTime { get; set; }

    /// <summary>The <c>Architecture</c> attribute.</summary>
    public string? Architecture { get; set; }

    /// <summary>The <c>URL</c> attribute.</summary>
    public string? URL { get; set; }

    /// <summary>The <c>Summary</c> attribute.</summary>
    public string? Summary { get; set; }

    /// <summary>The <c>PackageId</c> attribute.</summary>
    public string? PackageId { get; set; }

    /// <summary>The <c>Release</c> attribute.</summary>
    public string? Release { get; set; }

    /// <summary>The <c>Epoch</c> attribute.</summary>
    public string? Epoch { get; set; }
}

/// <summary>Read model for <c>AWS:File</c> (SchemaVersion 1.0); read rows with <c>AwsFileInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:File", "1.0")]
public sealed class AwsFile
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>Size</c> attribute.</summary>
    public string? Size { get; set; }

    /// <summary>The <c>Description</c> attribute.</summary>
    public string? Description { get; set; }

    /// <summary>The <c>FileVersion</c> attribute.</summary>
    public string? FileVersion { get; set; }

    /// <summary>The <c>InstalledDate</c> attribute.</summary>
    public string? InstalledDate { get; set; }

    /// <summary>The <c>ModificationTime</c> attribute.</summary>
    public string? ModificationTime { get; set; }

    /// <summary>The <c>LastAccessTime</c> attribute.</summary>
    public string? LastAccessTime { get; set; }

    /// <summary>The <c>ProductName</c> attribute.</summary>
    public string? ProductName { get; set; }

    /// <summary>The <c>InstalledDir</c> attribute.</summary>
    public string? InstalledDir { get; set; }

    /// <summary>The <c>ProductLanguage</c> attribute.</summary>
    public string? ProductLanguage { get; set; }

    /// <summary>The <c>CompanyName</c> attribute.</summary>
    public string? CompanyName { get; set; }

    /// <summary>The <c>ProductVersion</c> attribute.</summary>
    public string? ProductVersion { get; set; }
}

/// <summary>Read model for <c>AWS:AWSComponent</c> (SchemaVersion 1.0); read rows with <c>AwsAWSComponentInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:AWSComponent", "1.0")]
public sealed class AwsAWSComponent
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>ApplicationType</c> attribute.</summary>
    public string? ApplicationType { get; set; }

    /// <summary>The <c>Publisher</c> attribute.</summary>
    public string? Publisher { get; set; }

    /// <summary>The <c>Version</c> attribute.</summary>
    public string? Version { get; set; }

    /// <summary>The <c>InstalledTime</c> attribute.</summary>
    public string? InstalledTime { get; set; }

    /// <summary>The <c>Architecture</c> attribute.</summary>
    public string? Architecture { get; set; }

    /// <summary>The <c>URL</c> attribute.</summary>
    public string? URL { get; set; }
}

/// <summary>Read model for <c>AWS:WindowsUpdate</c> (SchemaVersion 1.0); read rows with <c>AwsWindowsUpdateInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:WindowsUpdate", "1.0")]
public sealed class AwsWindowsUpdate
{
    /// <summary>The <c>HotFixId</c> attribute.</summary>
    public string? HotFixId { get; set; }

    /// <summary>The <c>Description</c> attribute.</summary>
    public string? Description { get; set; }

    /// <summary>The <c>InstalledTime</c> attribute.</summary>
    public string? InstalledTime { get; set; }

    /// <summary>The <c>InstalledBy</c> attribute.</summary>
    public string? InstalledBy { get; set; }
}

/// <summary>Read model for <c>AWS:Network</c> (SchemaVersion 1.0); read rows with <c>AwsNetworkInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:Network", "1.0")]
public sealed class AwsNetwork
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>SubnetMask</c> attribute.</summary>
    public string? SubnetMask { get; set; }

    /// <summary>The <c>Gateway</c> attribute.</summary>
    public string? Gateway { get; set; }

    /// <summary>The <c>DHCPServer</c> attribute.</summary>
    public string? DHCPServer { get; set; }

    /// <summary>The <c>DNSServer</c> attribute.</summary>
    public string? DNSServer { get; set; }

    /// <summary>The <c>MacAddress</c> attribute.</summary>
    public string? MacAddress { get; set; }

    /// <summary>The <c>IPV4</c> attribute.</summary>
    public string? IPV4 { get; set; }

    /// <summary>The <c>IPV6</c> attribute.</summary>
    public string? IPV6 { get; set; }
}

/// <summary>Read model for <c>AWS:PatchSummary</c> (SchemaVersion 1.0); read rows with <c>AwsPatchSummaryInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:PatchSummary", "1.0")]
public sealed class AwsPatchSummary
{
    /// <summary>The <c>PatchGroup</c> attribute.</summary>
    public string? PatchGroup { get; set; }

    /// <summary>The <c>BaselineId</c> attribute.</summary>
    public string? BaselineId { get; set; }

    /// <summary>The <c>SnapshotId</c> attribute.</summary>
    public string? SnapshotId { get; set; }

    /// <summary>The <c>OwnerInformation</c> attribute.</summary>
    public string? OwnerInformation { get; set; }

    /// <summary>The <c>InstalledCount</c> attribute.</summary>
    public long? InstalledCount { get; set; }

    /// <summary>The <c>InstalledOtherCount</c> attribute.</summary>
    public long? InstalledOtherCount { get; set; }

    /// <summary>The <c>NotApplicableCount</c> attribute.</summary>
    public long? NotApplicableCount { get; set; }

    /// <summary>The <c>MissingCount</c> attribute.</summary>
    public long? MissingCount { get; set; }

    /// <summary>The <c>FailedCount</c> attribute.</summary>
    public long? FailedCount { get; set; }

    /// <summary>The <c>OperationType</c> attribute.</summary>
    public string? OperationType { get; set; }

    /// <summary>The <c>OperationStartTime</c> attribute.</summary>
    public string? OperationStartTime { get; set; }

    /// <summary>The <c>OperationEndTime</c> attribute.</summary>
    public string? OperationEndTime { get; set; }
}

/// <summary>Read model for <c>AWS:ComplianceItem</c> (SchemaVersion 1.0); read rows with <c>AwsComplianceItemInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:ComplianceItem", "1.0")]
public sealed class AwsComplianceItem
{
    /// <summary>The <c>ComplianceType</c> attribute.</summary>
    public string? ComplianceType { get; set; }

    /// <summary>The <c>ExecutionId</c> attribute.</summary>
    public string? ExecutionId { get; set; }

    /// <summary>The <c>ExecutionType</c> attribute.</summary>
    public string? ExecutionType { get; set; }

    /// <summary>The <c>ExecutionTime</c> attribute.</summary>
    public string? ExecutionTime { get; set; }

    /// <summary>The <c>Id</c> attribute.</summary>
    public string? Id { get; set; }

    /// <summary>The <c>Title</c> attribute.</summary>
    public string? Title { get; set; }

    /// <summary>The <c>Status</c> attribute.</summary>
    public string? Status { get; set; }

    /// <summary>The <c>Severity</c> attribute.</summary>
    public string? Severity { get; set; }

    /// <summary>The <c>DocumentName</c> attribute.</summary>
    public string? DocumentName { get; set; }

    /// <summary>The <c>DocumentVersion</c> attribute.</summary>
    public string? DocumentVersion { get; set; }

    /// <summary>The <c>Classification</c> attribute.</summary>
    public string? Classification { get; set; }

    /// <summary>The <c>PatchBaselineId</c> attribute.</summary>
    public string? PatchBaselineId { get; set; }

    /// <summary>The <c>PatchSeverity</c> attribute.</summary>
    public string? PatchSeverity { get; set; }

    /// <summary>The <c>PatchState</c> attribute.</summary>
    public string? PatchState { get; set; }

    /// <summary>The <c>PatchGroup</c> attribute.</summary>
    public string? PatchGroup { get; set; }

    /// <summary>The <c>InstalledTime</c> attribute.</summary>
    public string? InstalledTime { get; set; }
}

/// <summary>Read model for <c>AWS:ComplianceSummary</c> (SchemaVersion 1.0); read rows with <c>AwsComplianceSummaryInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:ComplianceSummary", "1.0")]
public sealed class AwsComplianceSummary
{
    /// <summary>The <c>ComplianceType</c> attribute.</summary>
    public string? ComplianceType { get; set; }

    /// <summary>The <c>PatchGroup</c> attribute.</summary>
    public string? PatchGroup { get; set; }

    /// <summary>The <c>PatchBaselineId</c> attribute.</summary>
    public string? PatchBaselineId { get; set; }

    /// <summary>The <c>Status</c> attribute.</summary>
    public string? Status { get; set; }

    /// <summary>The <c>OverallSeverity</c> attribute.</summary>
    public string? OverallSeverity { get; set; }

    /// <summary>The <c>ExecutionId</c> attribute.</summary>
    public string? ExecutionId { get; set; }

    /// <summary>The <c>ExecutionType</c> attribute.</summary>
    public string? ExecutionType { get; set; }

    /// <summary>The <c>ExecutionTime</c> attribute.</summary>
    public string? ExecutionTime { get; set; }

    /// <summary>The <c>CompliantCriticalCount</c> attribute.</summary>
    public long? CompliantCriticalCount { get; set; }

    /// <summary>The <c>CompliantHighCount</c> attribute.</summary>
    public long? CompliantHighCount { get; set; }

    /// <summary>The <c>CompliantMediumCount</c> attribute.</summary>
    public long? CompliantMediumCount { get; set; }

    /// <summary>The <c>CompliantLowCount</c> attribute.</summary>
    public long? CompliantLowCount { get; set; }

    /// <summary>The <c>CompliantInformationalCount</c> attribute.</summary>
    public long? CompliantInformationalCount { get; set; }

    /// <summary>The <c>CompliantUnspecifiedCount</c> attribute.</summary>
    public long? CompliantUnspecifiedCount { get; set; }

    /// <summary>The <c>LastComplianceStateModifiedTime</c> attribute.</summary>
    public string? LastComplianceStateModifiedTime { get; set; }

    /// <summary>The <c>NonCompliantCriticalCount</c> attribute.</summary>
    public long? NonCompliantCriticalCount { get; set; }

    /// <summary>The <c>NonCompliantHighCount</c> attribute.</summary>
    public long? NonCompliantHighCount { get; set; }

    /// <summary>The <c>NonCompliantMediumCount</c> attribute.</summary>
    public long? NonCompliantMediumCount { get; set; }

    /// <summary>The <c>NonCompliantLowCount</c> attribute.</summary>
    public long? NonCompliantLowCount { get; set; }

    /// <summary>The <c>NonCompliantInformationalCount</c> attribute.</summary>
    public long? NonCompliantInformationalCount { get; set; }

    /// <summary>The <c>NonCompliantUnspecifiedCount</c> attribute.</summary>
    public long? NonCompliantUnspecifiedCount { get; set; }
}

/// <summary>Read model for <c>AWS:InstanceDetailedInformation</c> (SchemaVersion 1.0); read rows with <c>AwsInstanceDetailedInformationInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:InstanceDetailedInformation", "1.0")]
public sealed class AwsInstanceDetailedInformation
{
    /// <summary>The <c>CPUModel</c> attribute.</summary>
    public string? CPUModel { get; set; }

    /// <summary>The <c>CPUCores</c> attribute.</summary>
    public long? CPUCores { get; set; }

    /// <summary>The <c>CPUs</c> attribute.</summary>
    public long? CPUs { get; set; }

    /// <summary>The <c>CPUSpeedMHz</c> attribute.</summary>
    public long? CPUSpeedMHz { get; set; }

    /// <summary>The <c>CPUSockets</c> attribute.</summary>
    public long? CPUSockets { get; set; }

    /// <summary>The <c>CPUHyperThreadEnabled</c> attribute.</summary>
    public string? CPUHyperThreadEnabled { get; set; }

    /// <summary>The <c>OSServicePack</c> attribute.</summary>
    public string? OSServicePack { get; set; }
}

/// <summary>Read model for <c>AWS:Service</c> (SchemaVersion 1.0); read rows with <c>AwsServiceInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:Service", "1.0")]
public sealed class AwsService
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>DisplayName</c> attribute.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The <c>ServiceType</c> attribute.</summary>
    public string? ServiceType { get; set; }

    /// <summary>The <c>Status</c> attribute.</summary>
    public string? Status { get; set; }

    /// <summary>The <c>DependentServices</c> attribute.</summary>
    public string? DependentServices { get; set; }

    /// <summary>The <c>ServicesDependedOn</c> attribute.</summary>
    public string? ServicesDependedOn { get; set; }

    /// <summary>The <c>StartType</c> attribute.</summary>
    public string? StartType { get; set; }
}

/// <summary>Read model for <c>AWS:WindowsRegistry</c> (SchemaVersion 1.0); read rows with <c>AwsWindowsRegistryInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:WindowsRegistry", "1.0")]
public sealed class AwsWindowsRegistry
{
    /// <summary>The <c>KeyPath</c> attribute.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The <c>ValueName</c> attribute.</summary>
    public string? ValueName { get; set; }

    /// <summary>The <c>ValueType</c> attribute.</summary>
    public string? ValueType { get; set; }

    /// <summary>The <c>Value</c> attribute.</summary>
    public string? Value { get; set; }
}

/// <summary>Read model for <c>AWS:WindowsRole</c> (SchemaVersion 1.0); read rows with <c>AwsWindowsRoleInventory.TypeInfo</c>.</summary>
[InventoryType("AWS:WindowsRole", "1.0")]
public sealed class AwsWindowsRole
{
    /// <summary>The <c>Name</c> attribute.</summary>
    public string? Name { get; set; }

    /// <summary>The <c>DisplayName</c> attribute.</summary>
    public string? DisplayName { get; set; }

    /// <summary>The <c>Path</c> attribute.</summary>
    public string? Path { get; set; }

    /// <summary>The <c>FeatureType</c> attribute.</summary>
    public string? FeatureType { get; set; }

    /// <summary>The <c>DependsOn</c> attribute.</summary>
    public string? DependsOn { get; set; }

    /// <summary>The <c>Description</c> attribute.</summary>
    public string? Description { get; set; }

    /// <summary>The <c>Installed</c> attribute.</summary>
    public string? Installed { get; set; }

    /// <summary>The <c>InstalledState</c> attribute.</summary>
    public string? InstalledState { get; set; }

    /// <summary>The <c>SubFeatures</c> attribute.</summary>
    public string? SubFeatures { get; set; }

    /// <summary>The <c>ServerComponentDescriptor</c> attribute.</summary>
    public string? ServerComponentDescriptor { get; set; }

    /// <summary>The <c>Parent</c> attribute.</summary>
    public string? Parent { get; set; }
}
