using System.Text.Json.Serialization;

namespace SsmInventory.Benchmarks.Model;

/// <summary>The state of a host; written by name.</summary>
public enum HostState
{
    Unknown = 0,
    Pending = 1,
    Running = 2,
    Stopped = 3,
    Terminated = 4,
}

/// <summary>
/// The 12-attribute type the write and read benchmarks map: strings (one nullable), int, long, bool, double, decimal,
/// DateTime, Guid, an enum and a nullable int. The generator writes <c>HostRecordInventory</c> for it at build time.
/// </summary>
[InventoryType("Custom:BenchmarkHost", "1.0")]
public sealed class HostRecord
{
    public string Hostname { get; set; } = "";

    public string? Description { get; set; }

    public int CpuCount { get; set; }

    public long MemoryBytes { get; set; }

    public bool IsVirtual { get; set; }

    public double LoadAverage { get; set; }

    public decimal HourlyCost { get; set; }

    public DateTime BootTime { get; set; }

    public Guid InstanceId { get; set; }

    public HostState State { get; set; }

    public int? RackSlot { get; set; }

    public string Region { get; set; } = "";
}

/// <summary>
/// System.Text.Json's source-generated metadata for the STJ round-trip mappers (the AOT-fair way to use STJ).
/// Enums as names, so STJ's text for <see cref="HostRecord.State"/> is the same as ours.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(HostRecord))]
public sealed partial class HostJsonContext : JsonSerializerContext
{
}
