using BenchmarkDotNet.Running;

namespace SsmInventory.Benchmarks;

public static class Program
{
    /// <summary>
    /// Runs the benchmarks the command line selects, e.g. <c>--filter '*'</c> for all, <c>--filter '*Write*'</c> for one
    /// class, <c>--job short</c> for a quick pass. See README.md.
    /// </summary>
    public static void Main(string[] args)
    {
        string trafficFolder = TrafficLog.CreateFolder();
        try
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        }
        finally
        {
            Directory.Delete(trafficFolder, recursive: true);
        }
    }
}
