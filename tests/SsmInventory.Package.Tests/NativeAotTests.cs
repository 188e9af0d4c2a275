using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using SsmInventory.FakeSsm;

namespace SsmInventory.Package.Tests;

/// <summary>
/// The sample publishes with Native AOT without a single trimming or AOT warning, and the native binary runs in every
/// mode: help, agent files (the default), dry run, and publishing to a loopback fake SSM service.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NativeAotTests(PackageFixture packages) : IDisposable
{
    private const string InstanceId = "i-0123456789abcdef0";

    private static readonly string[] s_sampleTypes =
        ["Custom:Certificate", "Custom:DotNetRuntime", "Custom:ListeningPort", "Custom:OperatingSystem", "Custom:RackLocation"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "ssminv-aot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Fact]
    public async Task The_sample_publishes_with_native_aot_without_warnings_and_every_mode_runs()
    {
        string output = Path.Combine(_work, "publish");
        string sample = Path.Combine(packages.RepositoryRoot, "samples", "SsmInventory.Sample", "SsmInventory.Sample.csproj");
        ProcessResult publish = DotNetCli.Run(
            packages.RepositoryRoot, TimeSpan.FromMinutes(8), environment: null,
            "publish", sample, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output, "-p:TreatWarningsAsErrors=false");

        Assert.True(publish.Succeeded, publish.ToString());
        string[] warnings = publish.Output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("NU1603", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, string.Join('\n', warnings));

        string binary = Path.Combine(output, OperatingSystem.IsWindows() ? "SsmInventory.Sample.exe" : "SsmInventory.Sample");
        Assert.True(File.Exists(binary), publish.ToString());
        Assert.False(File.Exists(Path.Combine(output, "SsmInventory.Sample.dll")), "A native AOT publish has no managed entry assembly.");

        SampleRun help = RunSample(binary, ["--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--instance-id", help.StandardOutput);
        Assert.Contains("Exit codes:", help.StandardOutput);

        // The default: SSM Agent files, one per type, and no AWS call.
        string files = Path.Combine(_work, "files");
        SampleRun written = RunSample(binary, ["--instance-id", InstanceId, "--output", files]);
        Assert.True(written.ExitCode == 0, written.ToString());
        Assert.Equal(s_sampleTypes, Directory.GetFiles(files, "*.json").Select(AgentFileTypeName).Order(StringComparer.Ordinal));

        // The summary on a redirected stdout is plain, one line per type: rows and bytes of the file, its hash, status.
        Dictionary<string, string[]> summary = SummaryRows(written);
        foreach (string path in Directory.GetFiles(files, "*.json"))
        {
            using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(path));
            string[] row = summary[file.RootElement.GetProperty("TypeName").GetString()!];
            Assert.Equal([file.RootElement.GetProperty("Content").GetArrayLength().ToString(CultureInfo.InvariantCulture), new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture)], row[..2]);
            Assert.Matches("^[A-Za-z0-9+/]{22}==$", row[2]);
            Assert.Equal("Sent", row[3]);
        }

        Assert.Contains($"{InstanceId}: 5 sent, 0 unchanged, 0 failed.", written.StandardOutput);
        SampleRun again = RunSample(binary, ["--instance-id", InstanceId, "--output", files]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"{InstanceId}: 0 sent, 5 unchanged, 0 failed.", again.StandardOutput);

        SampleRun dryRun = RunSample(binary, ["--dry-run", "--instance-id", InstanceId]);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        using (JsonDocument request = JsonDocument.Parse(dryRun.StandardOutput))
        {
            Assert.Equal(InstanceId, request.RootElement.GetProperty("InstanceId").GetString());
            Assert.Equal(s_sampleTypes, request.RootElement.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("TypeName").GetString()).Order(StringComparer.Ordinal));
        }

        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync();
        var credentials = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
        };
        SampleRun published = RunSample(binary, ["--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--instance-id", InstanceId], credentials);
        Assert.True(published.ExitCode == 0, published.ToString());
        Dictionary<string, string[]> publishSummary = SummaryRows(published);
        Assert.All(s_sampleTypes, type =>
        {
            StoredInventoryItem stored = ssm.Store.Get(InstanceId, type) ?? throw new Xunit.Sdk.XunitException($"{type} was not stored");
            string[] row = publishSummary[type];
            Assert.Equal(stored.Content.Count.ToString(CultureInfo.InvariantCulture), row[0]);
            Assert.Equal(stored.ContentHash, row[2]);
            Assert.Equal("Sent", row[3]);
        });
        Assert.DoesNotContain("secret", published.StandardOutput + published.StandardError, StringComparison.Ordinal);

        SampleRun noCredentials = RunSample(binary, ["--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--instance-id", InstanceId]);
        Assert.True(noCredentials.ExitCode == 3, noCredentials.ToString());
        Assert.Contains("No AWS credentials found", noCredentials.StandardError);

        SampleRun badOption = RunSample(binary, ["--publsh"]);
        Assert.True(badOption.ExitCode == 2, badOption.ToString());
        Assert.Contains("error: Unrecognized command or argument '--publsh'.", badOption.StandardError);

        SampleRun conflict = RunSample(binary, ["--dry-run", "--publish"]);
        Assert.True(conflict.ExitCode == 2, conflict.ToString());
        Assert.Contains("error: --dry-run and --publish cannot be combined", conflict.StandardError);
    }

    /// <summary>
    /// The summary table of a run with stdout redirected, by TypeName: rows, bytes, ContentHash and status. Redirected,
    /// it is plain text: no border, no colour, columns two spaces apart.
    /// </summary>
    private static Dictionary<string, string[]> SummaryRows(SampleRun run)
    {
        Assert.DoesNotContain('\u001b', run.StandardOutput);
        Assert.DoesNotContain('\u2502', run.StandardOutput);
        string[] lines = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["TypeName", "Rows", "Bytes", "ContentHash", "Status"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return lines.Skip(1).Select(line => line.Split(' ', 5, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(fields => fields[0].StartsWith("Custom:", StringComparison.Ordinal))
            .ToDictionary(fields => fields[0], fields => fields[1..]);
    }

    /// <summary>The TypeName of one SSM Agent custom inventory file, which holds one type.</summary>
    private static string AgentFileTypeName(string path)
    {
        using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(path));
        Assert.True(file.RootElement.GetProperty("Content").GetArrayLength() > 0, $"{path} has no rows");
        return file.RootElement.GetProperty("TypeName").GetString()!;
    }

    /// <summary>
    /// Runs the native sample in its own folder, with no AWS settings of this machine: no credentials or config files,
    /// no instance metadata, state under the work folder; <paramref name="environment"/> adds variables.
    /// </summary>
    private SampleRun RunSample(string binary, string[] arguments, Dictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _work };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        foreach (string name in start.Environment.Keys.Where(n => n.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_work, "no-credentials");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_work, "no-config");
        start.Environment["HOME"] = _work;
        start.Environment["XDG_DATA_HOME"] = Path.Combine(_work, "data");
        foreach ((string name, string? value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using Process process = Process.Start(start)!;
        Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
        Task<string> standardError = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), $"{string.Join(' ', arguments)} did not finish within a minute");
        return new SampleRun(string.Join(' ', arguments), process.ExitCode, standardOutput.Result, standardError.Result);
    }

    private sealed record SampleRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"$ SsmInventory.Sample {Arguments} (exit code {ExitCode}){Environment.NewLine}{StandardOutput}{StandardError}";
    }
}
