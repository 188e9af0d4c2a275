using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace SsmInventory.Sample;

/// <summary>Lists the TCP sockets listening on the node (on Linux, from /proc/net/tcp and tcp6); no root needed.</summary>
internal static class ListeningPortCollector
{
    public static List<ListeningPort> Collect() =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners()
            .Select(endpoint => new ListeningPort(
                endpoint.AddressFamily == AddressFamily.InterNetworkV6 ? "tcp6" : "tcp",
                endpoint.Address.ToString(),
                endpoint.Port))

            // Several processes (or SO_REUSEPORT sockets) can listen on the same address and port; one row each.
            .Distinct()
            .OrderBy(port => port.Port)
            .ThenBy(port => port.Protocol, StringComparer.Ordinal)
            .ThenBy(port => port.Address, StringComparer.Ordinal)
            .ToList();
}
