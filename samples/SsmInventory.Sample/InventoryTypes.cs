using System.Runtime.InteropServices;

namespace SsmInventory.Sample;

/// <summary>A .NET shared framework installed on the node, such as Microsoft.NETCore.App 10.0.12.</summary>
/// <param name="Name">The framework, such as <c>Microsoft.AspNetCore.App</c>.</param>
/// <param name="Version">
/// The folder name, kept as text because prerelease versions such as <c>10.0.0-rc.2.25502.107</c> are not a <see cref="System.Version"/>.
/// </param>
/// <param name="Path">The framework's folder.</param>
[InventoryType("Custom:DotNetRuntime", "1.0")]
internal sealed record DotNetRuntime(string Name, string Version, string Path);

/// <summary>The node's operating system and the processors this process may use.</summary>
[InventoryType("Custom:OperatingSystem", "1.0")]
internal sealed class OperatingSystemInfo
{
    /// <summary>Such as <c>Ubuntu 24.04.3 LTS</c> or <c>Microsoft Windows 10.0.20348</c>.</summary>
    [InventoryName("Name")]
    public required string Description { get; init; }

    public required OSFamily Family { get; init; }

    public required Architecture Architecture { get; init; }

    /// <summary>Processors available to this process, so container CPU limits and affinity are applied.</summary>
    public required int ProcessorCount { get; init; }

    public required string MachineName { get; init; }

    /// <summary>
    /// Reported instead of the uptime: the uptime differs on every run, so the ContentHash would never repeat and a
    /// sender could never skip re-sending unchanged Content the way the SSM Agent does.
    /// </summary>
    public required DateTime LastBootTime { get; init; }
}

/// <summary>Written as the member name, such as <c>Linux</c>.</summary>
internal enum OSFamily
{
    Other,
    Linux,
    Windows,
    MacOS,
    FreeBSD,
}

/// <summary>Where the server sits, as the data center team records it: facts a node cannot discover about itself.</summary>
/// <param name="InstalledDate">The day the server was racked; the time of day is not recorded, so only the date is written.</param>
[InventoryType("Custom:RackLocation", "1.0")]
internal readonly record struct RackLocation(
    string Region,
    string DataCenter,
    string Rack,
    int Slot,
    [property: InventoryFormat("yyyy-MM-dd")] DateTime InstalledDate);

/// <summary>A certificate the node trusts as a root, so expiring or unexpected roots can be found across the fleet.</summary>
/// <param name="Thumbprint">The SHA-1 hash of the certificate, in upper-case hex as Windows and .NET show it.</param>
/// <param name="KeyAlgorithm">Such as <c>RSA</c> or <c>ECDSA</c>.</param>
/// <param name="KeySize">In bits; 0 when the algorithm is not one .NET can open.</param>
[InventoryType("Custom:Certificate", "1.0")]
internal sealed record Certificate(
    string Subject,
    string Issuer,
    string Thumbprint,
    string KeyAlgorithm,
    int KeySize,
    DateTime NotBefore,
    DateTime NotAfter)
{
    /// <summary>Where the certificate was found, such as <c>LocalMachine/Root</c>.</summary>
    public string? Path { get; init; }

    /// <summary>The certificate's bytes: this program could use them, but they are kept out of inventory, whose size is limited.</summary>
    [InventoryIgnore]
    public byte[]? RawData { get; init; }
}

/// <summary>A socket accepting TCP connections on the node.</summary>
/// <param name="Protocol"><c>tcp</c> for IPv4, <c>tcp6</c> for IPv6, as netstat and ss show them.</param>
/// <param name="Address">The local address listened on, such as <c>0.0.0.0</c> (every IPv4 address) or <c>::1</c>.</param>
[InventoryType("Custom:ListeningPort", "1.0")]
internal sealed record ListeningPort(string Protocol, string Address, int Port);

/// <summary>
/// Who owns a server and what it runs, as a CMDB records it: facts no node can discover about itself, so the fleet mode
/// reports them for many nodes from one CSV file. A node may have several rows, such as one per application. A value
/// the CMDB lacks is an empty string: an empty CSV cell is a value, not a missing one.
/// </summary>
[InventoryType("Custom:ServerMetadata", "1.0")]
internal sealed record ServerMetadata(string Owner, string CostCenter, string Environment, string Application);
