using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SsmInventory.Package.Tests;

/// <summary>The sample publishes with Native AOT without a single trimming or AOT warning, and the binary runs.</summary>
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests(PackageFixture packages) : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "ssminv-aot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void The_sample_publishes_with_native_aot_without_warnings_and_runs()
    {
        string sample = Path.Combine(packages.RepositoryRoot, "samples", "SsmInventory.Sample", "SsmInventory.Sample.csproj");
        ProcessResult publish = DotNetCli.Run(
            packages.RepositoryRoot, TimeSpan.FromMinutes(8), environment: null,
            "publish", sample, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", _output, "-p:TreatWarningsAsErrors=false");

        Assert.True(publish.Succeeded, publish.ToString());
        string[] warnings = publish.Output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("NU1603", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, string.Join('\n', warnings));

        string binary = Path.Combine(_output, OperatingSystem.IsWindows() ? "SsmInventory.Sample.exe" : "SsmInventory.Sample");
        Assert.True(File.Exists(binary), publish.ToString());
        Assert.False(File.Exists(Path.Combine(_output, "SsmInventory.Sample.dll")), "A native AOT publish has no managed entry assembly.");

        var run = new ProcessStartInfo(binary, "--help") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _output };
        using Process process = Process.Start(run)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(60_000), output);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("--instance-id", output);
    }
}
