using System.Text.Encodings.Web;
using System.Text.Json;

namespace SsmInventory.Sample;

/// <summary>Builds one inventory item per sample type and prints the PutInventory request; status goes to stderr.</summary>
internal static class Program
{
    private const int UsageError = 2;

    public static int Main(string[] args)
    {
        if (!SampleOptions.TryParse(args, out SampleOptions? options, out string? error))
        {
            Console.Error.WriteLine($"error: {error}");
            Console.Error.WriteLine("Run with --help for usage.");
            return UsageError;
        }

        if (options.ShowHelp)
        {
            Console.Out.Write(SampleOptions.Usage);
            return 0;
        }

        Console.Error.WriteLine(options.IsPlaceholderInstanceId
            ? $"Using the placeholder instance id {options.InstanceId} (set one with --instance-id). No AWS call is made."
            : $"Instance id {options.InstanceId}. No AWS call is made.");

        InventoryItemData[] items = CollectItems(TimeProvider.System);
        foreach (InventoryItemData item in items)
        {
            Console.Error.WriteLine($"{item.TypeName}: {item.Content.Count} row(s), ContentHash {item.ContentHash}");
        }

        WriteRequest(options.InstanceId, items);
        return 0;
    }

    private static InventoryItemData[] CollectItems(TimeProvider clock) =>
    [
        InventoryItemData.Create(DotNetRuntimeInventory.TypeInfo, DotNetRuntimeCollector.Collect(), clock),
        InventoryItemData.Create(OperatingSystemInfoInventory.TypeInfo, [OperatingSystemCollector.Collect(clock)], clock),
        InventoryItemData.Create(RackLocationInventory.TypeInfo, [SampleData.RackLocation], clock),
        InventoryItemData.Create(CertificateInventory.TypeInfo, SampleData.Certificates, clock),
    ];

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
