using Amazon.SimpleSystemsManagement;
using SsmInventory.Aws.Fleet;

namespace SsmInventory.Sample;

/// <summary>
/// The <c>--fleet</c> mode: <see cref="ServerMetadata"/> rows for many managed nodes from a CSV file, checked, and with
/// <c>--publish</c> sent by <see cref="SsmInventoryFleetPublisher"/> at the account's PutInventory rate.
/// </summary>
internal static class FleetMode
{
    // Shorter than the library's 30 seconds: someone who pressed Ctrl+C at a terminal is waiting.
    private static readonly TimeSpan s_drainTimeout = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long System.CommandLine lets the action run after Ctrl+C before it ends the process: the calls in flight
    /// drain, then the state is closed and the summary printed.
    /// </summary>
    public static TimeSpan ShutdownTimeout { get; } = s_drainTimeout + TimeSpan.FromSeconds(10);

    /// <summary>Checks every row and shows what publishing would send; no AWS client is created.</summary>
    public static int Check(SampleOptions options)
    {
        FleetCsv? fleet = Read(options);
        if (fleet is null)
        {
            return Program.UsageError;
        }

        Console.Error.WriteLine("Checked; nothing was sent. Add --publish to send.");
        FleetSummary.WritePlan(StandardOutput.Create(), fleet);
        return fleet.BadRows == 0 ? 0 : Program.ItemFailed;
    }

    /// <summary>Sends the good rows, with progress on stderr and the summary on stdout.</summary>
    public static async Task<int> PublishAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        FleetCsv? fleet = Read(options);
        if (fleet is null)
        {
            return Program.UsageError;
        }

        // The fleet publisher retries throttled calls itself, at the pace it learns from them; the SDK's own retries
        // would resend them at once, ahead of that pace and unseen by it.
        var config = new AmazonSimpleSystemsManagementConfig { MaxErrorRetry = 0 };
        using AmazonSimpleSystemsManagementClient? client = await Program.CreateClientAsync(config, options.EndpointUrl);
        if (client is null)
        {
            return Program.EnvironmentError;
        }

        var fleetOptions = new SsmInventoryFleetOptions { DrainTimeout = s_drainTimeout };
        if (options.State is not null)
        {
            fleetOptions.StateDirectory = Path.GetFullPath(options.State);
        }

        Console.Error.WriteLine(
            $"Sending {fleet.Rows} row(s) for {fleet.Nodes} node(s) to {Program.Destination(config, options.EndpointUrl)}, "
            + $"with the state in {fleetOptions.StateDirectory}. Ctrl+C stops taking nodes; a run with the same state resumes.");
        var publisher = new SsmInventoryFleetPublisher(client, fleetOptions);
        FleetPublishReport report;
        try
        {
            report = await new FleetProgressDisplay(fleet.Nodes).ShowAsync(
                progress => publisher.PublishAsync(fleet.ToFleetNodes(TimeProvider.System), progress, cancellationToken));
        }
        catch (InvalidOperationException e)
        {
            // Another process holds the state folder.
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.EnvironmentError;
        }

        FleetSummary.WriteReport(StandardOutput.Create(), report, fleet.BadRows);
        return report.Succeeded && fleet.BadRows == 0 ? 0 : Program.ItemFailed;
    }

    private static FleetCsv? Read(SampleOptions options)
    {
        string path = options.Fleet!.FullName;
        Console.Error.WriteLine($"Reading {path}...");
        return FleetCsv.Read(path, Console.Error, TimeProvider.System);
    }
}
