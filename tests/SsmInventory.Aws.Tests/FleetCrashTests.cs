using System.Diagnostics;
using System.Reflection;
using System.Text;
using SsmInventory.FakeSsm;

namespace SsmInventory.Aws.Tests;

/// <summary>
/// The sample's fleet mode as a child process against the rate-limited fake service: killed with <c>kill -9</c> halfway,
/// then run again, it loses nothing and resends in full only what the service had not accepted; and two processes on
/// one state folder do not both run.
/// </summary>
public sealed class FleetCrashTests : IAsyncLifetime
{
    private const int Nodes = 240;

    // The sample's MaxConcurrency: at most this many calls can have been accepted by the service but not yet committed
    // to the state when the process dies.
    private const int InFlight = 16;

    private readonly TempDirectory _work = new();
    private FakeSsmServer _server = null!;

    public async Task InitializeAsync() =>

        // 40 calls a second: 240 nodes take about six seconds, time enough to be killed halfway.
        _server = await FakeSsmServer.StartAsync(new FakeSsmOptions { PutInventoryRate = 40, PutInventoryBurst = 5 });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _work.Dispose();
    }

    [Fact]
    public async Task Killed_halfway_the_rerun_loses_nothing_and_resends_in_full_only_what_was_not_accepted()
    {
        string csv = WriteCsv();
        string state = Path.Combine(_work.Path, "state");

        using Process first = StartSample(csv, state);
        await WaitUntilAsync(() => AcceptedNodes().Count >= Nodes / 3, first);
        Kill9(first);

        // The fake may still finish a call that was under way: count what the service holds once it is quiet.
        await Task.Delay(500);
        HashSet<string> acceptedBeforeKill = AcceptedNodes();
        Assert.InRange(acceptedBeforeKill.Count, Nodes / 3, Nodes - 1);
        int requestsBeforeRerun = _server.Requests.Count;

        using Process rerun = StartSample(csv, state);
        (int exitCode, string output) = await FinishAsync(rerun);
        Assert.True(exitCode == 0, output);

        // Nothing lost: every node holds its row.
        Assert.Equal(Nodes, AcceptedNodes().Count);

        // The rerun sent in full every node the service did not hold, and of those it held, only the ones whose
        // acceptance the killed process had not committed yet: at most one call per worker.
        var fullInRerun = _server.Requests.Skip(requestsBeforeRerun)
            .Where(r => r.Operation == "PutInventory" && r.StatusCode == 200 && r.Items.Any(i => i.HasContent))
            .Select(r => r.InstanceId!)
            .ToHashSet();
        Assert.Superset(NodeIds().Except(acceptedBeforeKill).ToHashSet(), fullInRerun);
        Assert.InRange(fullInRerun.Intersect(acceptedBeforeKill).Count(), 0, InFlight);
    }

    [Fact]
    public async Task A_second_process_on_the_same_state_folder_fails_clearly_and_leaves_the_first_to_finish()
    {
        string csv = WriteCsv();
        string state = Path.Combine(_work.Path, "state");

        using Process first = StartSample(csv, state);
        await WaitUntilAsync(() => AcceptedNodes().Count >= 10, first);
        using Process second = StartSample(csv, state);
        (int secondExit, string secondOutput) = await FinishAsync(second);
        (int firstExit, string firstOutput) = await FinishAsync(first);

        Assert.True(secondExit == 3, secondOutput);
        Assert.Contains("Another process is publishing with the state folder", secondOutput);
        Assert.True(firstExit == 0, firstOutput);
        Assert.Equal(Nodes, AcceptedNodes().Count);
    }

    private static string[] NodeIds() => Enumerable.Range(1, Nodes).Select(n => $"i-{n:x17}").ToArray();

    private string WriteCsv()
    {
        var csv = new StringBuilder("InstanceId,Owner,CostCenter,Environment,Application\n");
        foreach (string node in NodeIds())
        {
            csv.Append(node).Append(",team-").Append(node[^3..]).Append(",CC-1001,production,\"billing, api\"\n");
        }

        string path = Path.Combine(_work.Path, "fleet.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    private HashSet<string> AcceptedNodes() =>
        NodeIds().Where(node => _server.Store.Get(node, "Custom:ServerMetadata") is not null).ToHashSet();

    private Process StartSample(string csv, string state)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])[SamplePath(), "--fleet", csv, "--publish", "--endpoint-url", _server.ServiceUrl.AbsoluteUri, "--state", state])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string name in start.Environment.Keys.Where(n => n.StartsWith("AWS_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "secret";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        return Process.Start(start) ?? throw new InvalidOperationException("The sample did not start.");
    }

    /// <summary>SIGKILL by process id, as an operator's <c>kill -9</c>: no handler, no flush, no cleanup runs.</summary>
    private static void Kill9(Process process)
    {
        using Process kill = Process.Start("kill", ["-9", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
        Assert.True(process.WaitForExit(10_000), "The killed sample did not exit.");
        Assert.Equal(137, process.ExitCode);
    }

    private static async Task<(int ExitCode, string Output)> FinishAsync(Process process)
    {
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Process process)
    {
        for (int i = 0; i < 600 && !condition(); i++)
        {
            if (process.HasExited)
            {
                Assert.Fail($"The sample exited ({process.ExitCode}) before the test could act: {await process.StandardError.ReadToEndAsync()}");
            }

            await Task.Delay(50);
        }

        Assert.True(condition(), "The sample did not get that far within 30 s.");
    }

    private static string SamplePath() =>
        typeof(FleetCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SamplePath").Value!;
}
