// Every number in the reference's limits table, defined once. This file is linked into the runtime
// library and into the generator/analyzer assembly so that build time and run time never disagree.
// Lengths and sizes are UTF-8 bytes and 1 KB is 1024 bytes (project policy: the strictest reading).
namespace SsmInventory;

internal static class InventoryLimits
{
    /// <summary>Items in one PutInventory call (model InventoryItemList).</summary>
    public const int MinItemsPerRequest = 1;
    public const int MaxItemsPerRequest = 30;

    /// <summary>TypeName length (model; the agent counts UTF-8 bytes).</summary>
    public const int MinTypeNameLength = 1;
    public const int MaxTypeNameLength = 100;
    public const string CustomTypeNamePrefix = "Custom:";
    public const string AwsTypeNamePrefix = "AWS:";

    /// <summary>InstanceId: <c>(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)</c> (model), with an ASCII-only <c>\w</c>.</summary>
    public const string Ec2InstanceIdPrefix = "i-";
    public const string ManagedInstanceIdPrefix = "mi-";
    public const int ShortInstanceIdSuffixLength = 8;
    public const int LongInstanceIdSuffixLength = 17;

    /// <summary>SchemaVersion digits on each side of the dot: <c>^([0-9]{1,6})(\.[0-9]{1,6})$</c>.</summary>
    public const int MaxSchemaVersionPartDigits = 6;

    /// <summary>CaptureTime: `yyyy-MM-ddTHH:mm:ssZ`, UTC, whole seconds, years 2000-2099 (model InventoryItemCaptureTime).</summary>
    public const string CaptureTimeFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";
    public const int MinCaptureTimeYear = 2000;
    public const int MaxCaptureTimeYear = 2099;

    public const int MaxContentHashLength = 256;

    /// <summary>Rows (Content entries) in one item.</summary>
    public const int MaxRowsPerItem = 10_000;

    /// <summary>Attributes in one row (model), and per custom type (service quota).</summary>
    public const int MaxAttributesPerRow = 50;
    public const int MaxAttributesPerType = 50;

    public const int MinAttributeNameBytes = 1;
    public const int MaxAttributeNameBytes = 64;
    public const int MaxAttributeValueBytes = 4096;

    public const int MaxContextEntries = 50;

    /// <summary>Custom types per account and Region.</summary>
    public const int MaxCustomTypes = 20;

    /// <summary>Size of one custom type's item: 200 KB.</summary>
    public const int MaxItemBytes = 200 * 1024;

    /// <summary>Inventory data per request and per node per call: 1 MB.</summary>
    public const int MaxRequestBytes = 1024 * 1024;

    /// <summary>Inventory data per node per day: 5,000 KB.</summary>
    public const int MaxBytesPerNodePerDay = 5000 * 1024;

    public const int RetentionDays = 30;

    /// <summary>SSM Agent custom inventory folder: more files than this fails the node's whole inventory run.</summary>
    public const int MaxAgentFiles = 20;

    /// <summary>SSM Agent size guards, measured on the JSON it uploads.</summary>
    public const int MaxAgentTypeBytes = 3072 * 1024;
    public const int MaxAgentUploadBytes = 10240 * 1024;
}
