using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SsmInventory.FakeSsm;

namespace SsmInventory.Package.Tests;

/// <summary>
/// The sample publishes with Native AOT without a single trimming or AOT warning, and the native binary runs in every
/// mode: help, agent files (the default), dry run, publishing to a loopback fake SSM service, and the fleet mode, which
/// checks a CSV file and publishes it for many nodes with its state in SQLite.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class NativeAotTests(PackageFixture packages, NativeAotTests.NativeSample sample) : IClassFixture<NativeAotTests.NativeSample>, IDisposable
{
    private const string InstanceId = "i-0123456789abcdef0";
    private const string ServerMetadata = "Custom:ServerMetadata";
    private const string Header = "InstanceId,Owner,CostCenter,Environment,Application";

    private static readonly string[] s_sampleTypes =
        ["Custom:Certificate", "Custom:DotNetRuntime", "Custom:ListeningPort", "Custom:OperatingSystem", "Custom:RackLocation"];

    private static readonly Dictionary<string, string?> s_credentials = new()
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "secret",
    };

    private readonly string _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ssminv-aot-" + Guid.NewGuid().ToString("N"))).FullName;

    private string ExampleCsv => Path.Combine(packages.RepositoryRoot, "samples", "SsmInventory.Sample", "fleet-example.csv");

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void The_sample_publishes_with_native_aot_without_warnings_and_carries_its_native_sqlite()
    {
        ProcessResult publish = sample.Publish(packages.RepositoryRoot);
        Assert.True(publish.Succeeded, publish.ToString());
        string[] warnings = publish.Output.Split('\n').Where(line => line.Contains("warning", StringComparison.OrdinalIgnoreCase) && !line.Contains("NU1603", StringComparison.Ordinal)).ToArray();
        Assert.True(warnings.Length == 0, string.Join('\n', warnings));

        Assert.True(File.Exists(sample.Binary), publish.ToString());
        Assert.False(File.Exists(Path.Combine(sample.Folder, "SsmInventory.Sample.dll")), "A native AOT publish has no managed entry assembly.");

        // The fleet state is SQLite, whose engine is a native library the binary loads from its own folder.
        string sqlite = OperatingSystem.IsWindows() ? "e_sqlite3.dll" : OperatingSystem.IsMacOS() ? "libe_sqlite3.dylib" : "libe_sqlite3.so";
        Assert.True(File.Exists(Path.Combine(sample.Folder, sqlite)), $"{sqlite} is not beside the binary:{Environment.NewLine}{string.Join(Environment.NewLine, Directory.GetFiles(sample.Folder))}");

        SampleRun help = RunSample(["--help"]);
        Assert.True(help.ExitCode == 0, help.ToString());
        Assert.Contains("--instance-id", help.StandardOutput);
        Assert.Contains("--fleet <csv> --publish [--state <folder>]", help.StandardOutput);
        Assert.Contains("Exit codes:", help.StandardOutput);
    }

    [Fact]
    public async Task Every_single_node_mode_runs()
    {
        // The default: SSM Agent files, one per type, and no AWS call.
        string files = Path.Combine(_work, "files");
        SampleRun written = RunSample(["--instance-id", InstanceId, "--output", files]);
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
        SampleRun again = RunSample(["--instance-id", InstanceId, "--output", files]);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains($"{InstanceId}: 0 sent, 5 unchanged, 0 failed.", again.StandardOutput);

        SampleRun dryRun = RunSample(["--dry-run", "--instance-id", InstanceId]);
        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        using (JsonDocument request = JsonDocument.Parse(dryRun.StandardOutput))
        {
            Assert.Equal(InstanceId, request.RootElement.GetProperty("InstanceId").GetString());
            Assert.Equal(s_sampleTypes, request.RootElement.GetProperty("Items").EnumerateArray().Select(i => i.GetProperty("TypeName").GetString()).Order(StringComparer.Ordinal));
        }

        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync();
        SampleRun published = RunSample(["--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--instance-id", InstanceId], s_credentials);
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

        SampleRun noCredentials = RunSample(["--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--instance-id", InstanceId]);
        Assert.True(noCredentials.ExitCode == 3, noCredentials.ToString());
        Assert.Contains("No AWS credentials found", noCredentials.StandardError);

        SampleRun badOption = RunSample(["--publsh"]);
        Assert.True(badOption.ExitCode == 2, badOption.ToString());
        Assert.Contains("error: Unrecognized command or argument '--publsh'.", badOption.StandardError);

        SampleRun conflict = RunSample(["--dry-run", "--publish"]);
        Assert.True(conflict.ExitCode == 2, conflict.ToString());
        Assert.Contains("error: --dry-run and --publish cannot be combined", conflict.StandardError);
    }

    [Fact]
    public async Task Fleet_check_counts_what_a_publish_then_sends_and_a_second_publish_sends_hashes_only()
    {
        // No credentials and no endpoint: the check makes no AWS call.
        SampleRun check = RunSample(["--fleet", ExampleCsv]);
        Assert.True(check.ExitCode == 0, check.ToString());
        Dictionary<string, string> plan = Counts(check);
        Assert.Equal(["5", "6", "0", "5", "5"], [plan["Nodes"], plan["Rows"], plan["Rows with errors"], plan["Items"], plan["Requests"]]);
        Assert.Contains("nothing was sent", check.StandardError);

        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync();
        string state = Path.Combine(_work, "state");
        SampleRun published = RunSample(["--fleet", ExampleCsv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", state], s_credentials);
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.True(File.Exists(Path.Combine(state, "fleet-state.db")), published.ToString());

        // Every row of the example, quoting undone, each node's rows in one item, in the file's order.
        string[][] rows = File.ReadAllLines(ExampleCsv).Skip(1).Select(ParseCsvLine).ToArray();
        foreach (IGrouping<string, string[]> node in rows.GroupBy(row => row[0]))
        {
            StoredInventoryItem stored = ssm.Store.Get(node.Key, ServerMetadata) ?? throw new Xunit.Sdk.XunitException($"{node.Key} was not stored{Environment.NewLine}{published}");
            Assert.Equal(
                node.Select(row => $"{row[1]}|{row[2]}|{row[3]}|{row[4]}"),
                stored.Content.Select(row => $"{row["Owner"]}|{row["CostCenter"]}|{row["Environment"]}|{row["Application"]}"));
        }

        Assert.Contains(rows, row => row[4] == "reporting, nightly batch");
        Assert.Contains(rows, row => row[4] == "storefront \"classic\"");

        // The check counted what was sent: the requests, and the items' bytes (each body is one item in its framing).
        RecordedRequest[] puts = ssm.Requests.Where(r => r.Operation == "PutInventory").ToArray();
        Assert.Equal(int.Parse(plan["Requests"], CultureInfo.InvariantCulture), puts.Length);
        Assert.Equal(long.Parse(plan["Bytes"], CultureInfo.InvariantCulture), puts.Sum(r => (long)r.BodyBytes - $"{{\"InstanceId\":\"{r.InstanceId}\",\"Items\":[]}}".Length));

        Dictionary<string, string> totals = Counts(published);
        Assert.Equal(["5", "0", "0", "5", "0", "0", "0", "5", "0"], [
            totals["Nodes"], totals["Nodes failed"], totals["Rows with errors"], totals["Items sent in full"], totals["Items hash-only (unchanged)"],
            totals["Items deferred"], totals["Items failed"], totals["Requests"], totals["Throttled"]]);
        Assert.Matches(@"^\d+\.\d s$", totals["Elapsed"]);
        Assert.True(double.Parse(totals["Requests per second"], CultureInfo.InvariantCulture) > 0, published.ToString());
        Assert.DoesNotContain("secret", published.StandardOutput + published.StandardError, StringComparison.Ordinal);

        // The state remembers what the service accepted: the same file again sends only hashes.
        SampleRun again = RunSample(["--fleet", ExampleCsv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", state], s_credentials);
        Assert.True(again.ExitCode == 0, again.ToString());
        Dictionary<string, string> againTotals = Counts(again);
        Assert.Equal(["5", "0", "5", "5"], [againTotals["Nodes"], againTotals["Items sent in full"], againTotals["Items hash-only (unchanged)"], againTotals["Requests"]]);
        Assert.All(ssm.Requests.Where(r => r.Operation == "PutInventory").Skip(puts.Length), r => Assert.False(r.Items.Single().HasContent));

        // It cannot start without credentials, nor while another process holds the state folder.
        SampleRun noCredentials = RunSample(["--fleet", ExampleCsv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", state]);
        Assert.True(noCredentials.ExitCode == 3, noCredentials.ToString());
        Assert.Contains("No AWS credentials found", noCredentials.StandardError);
        using (new FileStream(Path.Combine(state, "fleet-state.lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            SampleRun locked = RunSample(["--fleet", ExampleCsv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", state], s_credentials);
            Assert.True(locked.ExitCode == 3, locked.ToString());
            Assert.Contains("error: Another process is publishing with the state folder", locked.StandardError);
        }
    }

    [Fact]
    public async Task Fleet_publish_keeps_to_the_accounts_rate_limit_and_counts_the_throttled_calls()
    {
        string csv = WriteCsv("many.csv", Enumerable.Range(0, 200).Select(i => $"{Node(i)},ops,CC-1,production,app-{i}"));
        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = 40, PutInventoryBurst = 10 });
        SampleRun published = RunSample(["--fleet", csv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", Path.Combine(_work, "state")], s_credentials);

        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.All(Enumerable.Range(0, 200), i => Assert.NotNull(ssm.Store.Get(Node(i), ServerMetadata)));
        RecordedRequest[] puts = ssm.Requests.Where(r => r.Operation == "PutInventory").ToArray();
        int throttled = puts.Count(r => r.ErrorType == "ThrottlingException");
        Assert.True(throttled > 0, "The fake service never throttled, so this test shows nothing." + Environment.NewLine + published);
        Dictionary<string, string> totals = Counts(published);
        Assert.Equal(["200", "200", "0", puts.Length.ToString(CultureInfo.InvariantCulture), throttled.ToString(CultureInfo.InvariantCulture)], [
            totals["Nodes"], totals["Items sent in full"], totals["Items failed"], totals["Requests"], totals["Throttled"]]);

        // At 40 calls a second, 200 nodes take five seconds: stderr is not a terminal, so a line every three seconds.
        Assert.Matches(@"Progress: \d+/200 nodes, \d+ requests, \d+ throttled, \d+\.\d requests/s\.", published.StandardError);
    }

    [Fact]
    public async Task Fleet_publish_sends_the_good_rows_and_names_the_line_column_and_rule_of_each_bad_one()
    {
        string tooLong = new('x', 5000);
        string csv = WriteCsv("bad-rows.csv", [
            "i-0000000000000000a,ops,CC-1,production,api,first note",
            "i-123,ops,CC-1,production,api,",
            $"i-0000000000000000b,{tooLong},CC-1,production,api,",
            "i-0000000000000000c,ops,CC-1",
            "i-0000000000000000d,ops,CC-1,production,api,",
        ], Header + ",Notes");
        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync();
        ssm.Store.RejectInstance("i-0000000000000000d");

        SampleRun check = RunSample(["--fleet", csv]);
        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Equal(["2", "2", "3"], [Counts(check)["Nodes"], Counts(check)["Rows"], Counts(check)["Rows with errors"]]);

        SampleRun published = RunSample(["--fleet", csv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", Path.Combine(_work, "state")], s_credentials);
        Assert.True(published.ExitCode == 1, published.ToString());
        Assert.Contains("note: line 1, column Notes: not an attribute of Custom:ServerMetadata; its cells are not sent.", published.StandardError);
        Assert.Contains("error: line 3, column InstanceId: InstanceId is i- followed by 8 or 17 characters", published.StandardError);
        Assert.Contains("error: line 4, column Owner: attribute value at most 4096 UTF-8 bytes, found 5000 bytes.", published.StandardError);
        Assert.Contains("error: line 5, column Environment: the cell is missing; the row has 3 cells and the header 6.", published.StandardError);

        // The good row went, without the extra column; the node the service refuses is listed with the service's error.
        StoredInventoryItem stored = ssm.Store.Get("i-0000000000000000a", ServerMetadata) ?? throw new Xunit.Sdk.XunitException(published.ToString());
        Assert.Equal(["Application", "CostCenter", "Environment", "Owner"], stored.Content.Single().Keys.Order(StringComparer.Ordinal));
        Assert.Null(ssm.Store.Get("i-0000000000000000b", ServerMetadata));
        Assert.Null(ssm.Store.Get("i-0000000000000000c", ServerMetadata));
        Dictionary<string, string> totals = Counts(published);
        Assert.Equal(["2", "1", "3", "1", "1"], [totals["Nodes"], totals["Nodes failed"], totals["Rows with errors"], totals["Items sent in full"], totals["Items failed"]]);
        Assert.Matches(@"(?m)^i-0000000000000000d +InvalidInstanceId +\S", published.StandardOutput);

        // Values never show: only their sizes.
        Assert.DoesNotContain(tooLong[..100], published.StandardOutput + published.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fleet_file_whose_header_lacks_a_column_is_a_usage_error_and_sends_nothing()
    {
        string csv = WriteCsv("no-cost-center.csv", ["i-0000000000000000a,ops,production,api"], "InstanceId,Owner,Environment,Application");
        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync();

        SampleRun published = RunSample(["--fleet", csv, "--publish", "--endpoint-url", ssm.ServiceUrl.AbsoluteUri, "--state", Path.Combine(_work, "state")], s_credentials);

        Assert.True(published.ExitCode == 2, published.ToString());
        Assert.Contains("error: line 1, column CostCenter: the header has no such column; it must name InstanceId, Owner, CostCenter, Environment, Application, in any order.", published.StandardError);
        Assert.Empty(ssm.Requests);
    }

    [Theory]
    [InlineData("--dry-run", "--fleet and --dry-run cannot be combined")]
    [InlineData("--output out", "--output does not apply to --fleet")]
    [InlineData("--instance-id i-0123456789abcdef0", "--instance-id does not apply to --fleet")]
    [InlineData("--state state", "--state only applies with --fleet and --publish")]
    [InlineData("--endpoint-url http://localhost:1", "--endpoint-url only applies with --publish")]
    public void Fleet_options_that_do_not_combine_are_usage_errors(string options, string error)
    {
        SampleRun run = RunSample(["--fleet", ExampleCsv, .. options.Split(' ')]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("error: " + error, run.StandardError);
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public void State_without_fleet_and_a_fleet_file_that_does_not_exist_are_usage_errors()
    {
        SampleRun state = RunSample(["--publish", "--state", "state"]);
        Assert.True(state.ExitCode == 2, state.ToString());
        Assert.Contains("error: --state only applies with --fleet and --publish", state.StandardError);

        SampleRun missing = RunSample(["--fleet", Path.Combine(_work, "missing.csv")]);
        Assert.True(missing.ExitCode == 2, missing.ToString());
        Assert.Contains("missing.csv", missing.StandardError);
    }

    [Fact]
    public async Task Fleet_publish_stops_on_a_termination_signal_with_a_summary_and_the_next_run_resumes()
    {
        string csv = WriteCsv("cancel.csv", Enumerable.Range(0, 400).Select(i => $"{Node(i)},ops,CC-1,production,app-{i}"));
        string state = Path.Combine(_work, "state");
        string[] arguments = ["--fleet", csv, "--publish", "--endpoint-url", "", "--state", state];
        await using FakeSsmServer ssm = await FakeSsmServer.StartAsync(new FakeSsmOptions { Latency = TimeSpan.FromMilliseconds(100), PutInventoryRate = 40 });
        arguments[4] = ssm.ServiceUrl.AbsoluteUri;

        using (Process running = StartSample(arguments, s_credentials, out Task<string> output, out Task<string> error))
        {
            // SIGTERM, as a service manager stops a job, once some nodes are stored. It takes the same path as Ctrl+C's
            // SIGINT, which a shell without job control starts its background commands ignoring, as CI may.
            while (ssm.Requests.Count(r => r.Operation == "PutInventory" && r.StatusCode == 200) < 20)
            {
                if (running.HasExited)
                {
                    Assert.Fail($"The publish ended before it could be interrupted.{Environment.NewLine}{Finish(running, arguments, output, error)}");
                }

                await Task.Delay(50);
            }

            using (Process signal = Process.Start("kill", ["-TERM", running.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await signal.WaitForExitAsync();
            }

            SampleRun cancelled = Finish(running, arguments, output, error);
            Assert.True(cancelled.ExitCode == 1, cancelled.ToString());
            Assert.Contains("Cancelled: the nodes not yet taken were not sent", cancelled.StandardOutput);
            int stored = Enumerable.Range(0, 400).Count(i => ssm.Store.Get(Node(i), ServerMetadata) is not null);
            Assert.InRange(stored, 20, 399);
            Assert.Equal(stored.ToString(CultureInfo.InvariantCulture), Counts(cancelled)["Items sent in full"]);

            // The same state resumes: what the service took is sent as hashes, the rest in full.
            SampleRun resumed = RunSample(arguments, s_credentials);
            Assert.True(resumed.ExitCode == 0, resumed.ToString());
            Assert.All(Enumerable.Range(0, 400), i => Assert.NotNull(ssm.Store.Get(Node(i), ServerMetadata)));
            Dictionary<string, string> totals = Counts(resumed);
            Assert.Equal(["400", (400 - stored).ToString(CultureInfo.InvariantCulture), stored.ToString(CultureInfo.InvariantCulture)], [
                totals["Nodes"], totals["Items sent in full"], totals["Items hash-only (unchanged)"]]);
        }
    }

    /// <summary>A valid EC2 instance id for the <paramref name="index"/>th node of a generated fleet.</summary>
    private static string Node(int index) => $"i-{index:x17}";

    /// <summary>Writes a fleet CSV file into the work folder: the header, then the rows.</summary>
    private string WriteCsv(string name, IEnumerable<string> rows, string header = Header)
    {
        string path = Path.Combine(_work, name);
        File.WriteAllLines(path, rows.Prepend(header));
        return path;
    }

    /// <summary>One line of the example file, RFC 4180 quoting undone; its values have no line breaks.</summary>
    private static string[] ParseCsvLine(string line) =>
        CsvCell().Matches(line).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : m.Groups["plain"].Value).ToArray();

    [GeneratedRegex("""(?:^|,)(?:"(?<quoted>(?:[^"]|"")*)"|(?<plain>[^,]*))""")]
    private static partial Regex CsvCell();

    /// <summary>
    /// The fleet mode's counts on a redirected stdout, by name: one per line, the name and the value two or more spaces
    /// apart, no border, no colour.
    /// </summary>
    private static Dictionary<string, string> Counts(SampleRun run)
    {
        Assert.DoesNotContain('\u001b', run.StandardOutput);
        var counts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in run.StandardOutput.Split('\n'))
        {
            string[] fields = Regex.Split(line.Trim(), " {2,}");
            if (fields.Length == 2)
            {
                counts.TryAdd(fields[0], fields[1]);
            }
        }

        return counts;
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

    /// <summary>Runs the native sample to its end; see <see cref="StartSample"/>.</summary>
    private SampleRun RunSample(string[] arguments, Dictionary<string, string?>? environment = null)
    {
        using Process process = StartSample(arguments, environment, out Task<string> output, out Task<string> error);
        return Finish(process, arguments, output, error);
    }

    /// <summary>
    /// Starts the native sample in the work folder, with no AWS settings of this machine: no credentials or config files,
    /// no instance metadata, state under the work folder; <paramref name="environment"/> adds variables.
    /// </summary>
    private Process StartSample(string[] arguments, Dictionary<string, string?>? environment, out Task<string> output, out Task<string> error)
    {
        ProcessResult publish = sample.Publish(packages.RepositoryRoot);
        Assert.True(publish.Succeeded, publish.ToString());
        var start = new ProcessStartInfo(sample.Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = _work,
        };
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

        Process process = Process.Start(start)!;
        output = process.StandardOutput.ReadToEndAsync();
        error = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>Waits for the sample started by <see cref="StartSample"/> to end, at most a minute, and returns what it printed.</summary>
    private static SampleRun Finish(Process process, string[] arguments, Task<string> output, Task<string> error)
    {
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            Assert.Fail($"{string.Join(' ', arguments)} did not finish within a minute");
        }

        return new SampleRun(string.Join(' ', arguments), process.ExitCode, output.Result, error.Result);
    }

    private sealed record SampleRun(string Arguments, int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"$ SsmInventory.Sample {Arguments} (exit code {ExitCode}){Environment.NewLine}{StandardOutput}{StandardError}";
    }

    /// <summary>
    /// The sample published with Native AOT once for all the tests of the class, on first use (the repository's root comes
    /// from the collection's fixture), into a temporary folder deleted at the end.
    /// </summary>
    public sealed class NativeSample : IDisposable
    {
        private readonly Lock _gate = new();
        private ProcessResult? _publish;

        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "ssminv-aot-publish-" + Guid.NewGuid().ToString("N"));

        public string Binary => Path.Combine(Folder, OperatingSystem.IsWindows() ? "SsmInventory.Sample.exe" : "SsmInventory.Sample");

        /// <summary>The publish's result: made by the first call, the same for every later one.</summary>
        internal ProcessResult Publish(string repositoryRoot)
        {
            lock (_gate)
            {
                return _publish ??= DotNetCli.Run(
                    repositoryRoot, TimeSpan.FromMinutes(8), environment: null,
                    "publish", Path.Combine(repositoryRoot, "samples", "SsmInventory.Sample", "SsmInventory.Sample.csproj"),
                    "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", Folder, "-p:TreatWarningsAsErrors=false");
            }
        }

        public void Dispose()
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }
}
