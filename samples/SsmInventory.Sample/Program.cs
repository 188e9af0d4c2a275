using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SimpleSystemsManagement;
using SsmInventory.AgentFiles;
using SsmInventory.Aws;
using SsmInventory.Publishing;

namespace SsmInventory.Sample;

/// <summary>
/// Collects inventory about this machine, then writes SSM Agent files, prints the PutInventory request, or sends it; or
/// sends a CSV file's rows for many nodes (<see cref="FleetMode"/>). Results go to stdout; progress and errors to stderr.
/// </summary>
internal static class Program
{
    internal const int ItemFailed = 1;
    internal const int UsageError = 2;
    internal const int EnvironmentError = 3;

    private const string NoCredentials =
        "No AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, or run on an instance with a role";

    public static async Task<int> Main(string[] args)
    {
        ParseResult command = new SampleCommand(RunAsync).Parse(args);
        if (command.Action is ParseErrorAction)
        {
            foreach (ParseError error in command.Errors)
            {
                Console.Error.WriteLine($"error: {error.Message}");
            }

            Console.Error.WriteLine("Run with --help for usage.");
            return UsageError;
        }

        return await command.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = FleetMode.ShutdownTimeout });
    }

    private static async Task<int> RunAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return options.Mode switch
            {
                SampleMode.DryRun => DryRun(options),
                SampleMode.Publish => await PublishAsync(options, cancellationToken),
                SampleMode.FleetCheck => FleetMode.Check(options),
                SampleMode.FleetPublish => await FleetMode.PublishAsync(options, cancellationToken),
                _ => await WriteFilesAsync(options, cancellationToken),
            };
        }
        catch (InventoryValidationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageError;
        }
    }

    private static string InstanceIdOrPlaceholder(SampleOptions options)
    {
        if (options.InstanceId is not null)
        {
            return options.InstanceId;
        }

        Console.Error.WriteLine($"Using the placeholder instance id {SampleOptions.PlaceholderInstanceId} (set one with --instance-id).");
        return SampleOptions.PlaceholderInstanceId;
    }

    private static int DryRun(SampleOptions options)
    {
        string instanceId = InstanceIdOrPlaceholder(options);
        InventoryItemData[] items = CollectItems(TimeProvider.System);
        Console.Error.WriteLine("Dry run: nothing is written or sent.");
        WriteRequest(instanceId, items);
        return 0;
    }

    private static async Task<int> WriteFilesAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        string instanceId = InstanceIdOrPlaceholder(options);
        var sink = new AgentFileSink(new AgentFileSinkOptions
        {
            InstanceId = instanceId,
            Folder = Path.GetFullPath(options.Output ?? SampleOptions.DefaultOutput),
        });

        InventoryItemData[] items = CollectItems(TimeProvider.System);
        Console.Error.WriteLine($"Writing SSM Agent inventory files to {sink.Folder}. No AWS call is made.");
        InventoryPublishReport report = await sink.PublishAsync(items, cancellationToken);
        SummaryTable.Write(StandardOutput.Create(), report, items, item => SummaryTable.FileSize(sink, item));
        return report.Succeeded ? 0 : ItemFailed;
    }

    private static async Task<int> PublishAsync(SampleOptions options, CancellationToken cancellationToken)
    {
        var config = new AmazonSimpleSystemsManagementConfig();
        using AmazonSimpleSystemsManagementClient? client = await CreateClientAsync(config, options.EndpointUrl);
        if (client is null)
        {
            return EnvironmentError;
        }

        var publisher = new SsmInventoryPublisher(client, new SsmInventoryOptions { InstanceId = options.InstanceId });
        string instanceId;
        try
        {
            instanceId = await publisher.GetInstanceIdAsync(cancellationToken);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Off EC2 and hybrid nodes, pass the node's id with --instance-id.");
            return EnvironmentError;
        }

        InventoryItemData[] items = CollectItems(TimeProvider.System);
        Console.Error.WriteLine($"Sending {items.Length} item(s) for {instanceId} to {Destination(config, options.EndpointUrl)}...");
        InventoryPublishReport report = await publisher.PublishAsync(items, cancellationToken);
        SummaryTable.Write(StandardOutput.Create(), report, items, item => InventoryJsonSize.Measure(item));
        return report.Succeeded ? 0 : ItemFailed;
    }

    /// <summary>
    /// A client with <paramref name="config"/> and the SDK's standard credential and Region chain, or null, with the
    /// reason on stderr, when there are no credentials or no Region.
    /// </summary>
    internal static async Task<AmazonSimpleSystemsManagementClient?> CreateClientAsync(AmazonSimpleSystemsManagementConfig config, Uri? endpointUrl)
    {
        if (endpointUrl is not null)
        {
            // With a ServiceURL the SDK cannot tell the Region to sign for from the URL, so it is given here.
            config.ServiceURL = endpointUrl.AbsoluteUri;
            config.AuthenticationRegion = Environment.GetEnvironmentVariable("AWS_REGION") is { Length: > 0 } region ? region : "us-east-1";
        }

        // Resolved now rather than on the first call, where a missing credential would only show as a failed item.
        AWSCredentials credentials;
        try
        {
            credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(config);
        }
        catch (AmazonClientException)
        {
            // The SDK's message lists every provider it tried, which says more about the SDK than about the fix.
            Console.Error.WriteLine($"error: {NoCredentials}.");
            return null;
        }

        try
        {
            return new AmazonSimpleSystemsManagementClient(credentials, config);
        }
        catch (AmazonClientException e)
        {
            Console.Error.WriteLine($"error: {e.Message.TrimEnd('.')}. Set AWS_REGION (or a Region in the AWS profile), or pass --endpoint-url.");
            return null;
        }
    }

    /// <summary>Where a client made by <see cref="CreateClientAsync"/> sends, for the line announcing it.</summary>
    internal static string Destination(AmazonSimpleSystemsManagementConfig config, Uri? endpointUrl) =>
        endpointUrl?.AbsoluteUri ?? "SSM in " + (config.RegionEndpoint?.SystemName ?? "the default Region");

    private static InventoryItemData[] CollectItems(TimeProvider clock) =>
    [
        InventoryItemData.Create(DotNetRuntimeInventory.TypeInfo, Collect("installed .NET runtimes", DotNetRuntimeCollector.Collect), clock),
        InventoryItemData.Create(OperatingSystemInfoInventory.TypeInfo, Collect("operating system facts", () => new List<OperatingSystemInfo> { OperatingSystemCollector.Collect(clock) }), clock),
        InventoryItemData.Create(RackLocationInventory.TypeInfo, [SampleData.RackLocation], clock),
        InventoryItemData.Create(CertificateInventory.TypeInfo, Collect("trusted certificates", CertificateCollector.Collect), clock),
        InventoryItemData.Create(ListeningPortInventory.TypeInfo, Collect("listening TCP ports", ListeningPortCollector.Collect), clock),
    ];

    /// <summary>Runs a collector, showing on stderr what it is doing and then how many rows it found.</summary>
    private static List<T> Collect<T>(string what, Func<List<T>> collector)
    {
        Console.Error.Write($"Collecting {what}... ");
        List<T> rows = collector();
        Console.Error.WriteLine(rows.Count);
        return rows;
    }

    private static void WriteRequest(string instanceId, InventoryItemData[] items)
    {
        using Stream stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions
        {
            Indented = true,

            // For people to read: non-ASCII text stays as it is instead of becoming \uXXXX. It is still valid JSON,
            // and the relaxed escaping only matters for output embedded in HTML, which this is not.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            PutInventoryRequestJson.Write(writer, instanceId, items);
        }

        stdout.Write("\n"u8);
    }
}
