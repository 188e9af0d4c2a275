using System.Runtime.InteropServices;

namespace SsmInventory.Sample;

/// <summary>Reads the operating system facts .NET exposes; no root access or native calls needed.</summary>
internal static class OperatingSystemCollector
{
    public static OperatingSystemInfo Collect(TimeProvider clock) => new()
    {
        Description = RuntimeInformation.OSDescription,
        Family = GetFamily(),
        Architecture = RuntimeInformation.OSArchitecture,
        ProcessorCount = Environment.ProcessorCount,
        MachineName = Environment.MachineName,
        LastBootTime = GetLastBootTime(clock),
    };

    private static OSFamily GetFamily() =>
        OperatingSystem.IsLinux() ? OSFamily.Linux
        : OperatingSystem.IsWindows() ? OSFamily.Windows
        : OperatingSystem.IsMacOS() ? OSFamily.MacOS
        : OperatingSystem.IsFreeBSD() ? OSFamily.FreeBSD
        : OSFamily.Other;

    private static DateTime GetLastBootTime(TimeProvider clock)
    {
        // TickCount64 is the milliseconds since the system started (on Linux, not counting time suspended).
        // Truncating to the minute absorbs the jitter between the two clocks, so runs agree on the value.
        DateTime bootTime = clock.GetUtcNow().UtcDateTime - TimeSpan.FromMilliseconds(Environment.TickCount64);
        return new DateTime(bootTime.Ticks - (bootTime.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
    }
}
