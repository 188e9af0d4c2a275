using System.Runtime.CompilerServices;
using Amazon.SimpleSystemsManagement;
using SsmInventory.Aws.State;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

internal static class TestEnvironment
{
    // Without this, the SDK probes the EC2 instance metadata service, which costs seconds off EC2.
    [ModuleInitializer]
    internal static void DisableInstanceMetadata() => Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
}

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ssm-inventory-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}

/// <summary>Builds items for tests.</summary>
internal static class Items
{
    public const string Node = "i-0123456789abcdef0";

    /// <summary>An item of <paramref name="typeName"/> with <paramref name="rows"/> rows of two attributes, the value padded to <paramref name="valueLength"/>.</summary>
    public static InventoryItemData Make(string typeName, int rows = 2, string seed = "v", int valueLength = 0)
    {
        var content = new List<Dictionary<string, string>>();
        for (int i = 0; i < rows; i++)
        {
            string value = $"{seed}-{i}";
            content.Add(new Dictionary<string, string> { ["Name"] = $"row{i}", ["Value"] = valueLength > value.Length ? value.PadRight(valueLength, 'x') : value });
        }

        return InventoryItemData.Create(typeName, "1.0", content);
    }

    public static InventoryItemData Empty(string typeName) => InventoryItemData.Create(typeName, "1.0", []);
}

/// <summary>A fake SSM server, a state folder and publishers over both; one per test.</summary>
public abstract class PublisherTest : IAsyncLifetime
{
    private readonly List<IDisposable> _clients = [];

    internal FakeSsmServer Server { get; private set; } = null!;

    internal TempDirectory StateFolder { get; } = new();

    public async Task InitializeAsync() => Server = await FakeSsmServer.StartAsync();

    public async Task DisposeAsync()
    {
        _clients.ForEach(c => c.Dispose());
        await Server.DisposeAsync();
        StateFolder.Dispose();
    }

    /// <summary>A fresh publisher over the same state folder, as a restarted process would have.</summary>
    internal SsmInventoryPublisher NewPublisher(int maxErrorRetry = 0, TimeSpan? timeout = null, Microsoft.Extensions.Logging.ILogger<SsmInventoryPublisher>? logger = null) =>
        new(NewClient(maxErrorRetry, timeout), Options(), logger);

    internal IAmazonSimpleSystemsManagement NewClient(int maxErrorRetry = 0, TimeSpan? timeout = null)
    {
        AmazonSimpleSystemsManagementClient client = Server.CreateClient(maxErrorRetry, timeout);
        _clients.Add(client);
        return client;
    }

    internal SsmInventoryOptions Options() => new() { InstanceId = Items.Node, StateDirectory = StateFolder.Path };

    internal IReadOnlyList<RecordedRequest> Puts => Server.Requests.Where(r => r.Operation == "PutInventory").ToList();

    /// <summary>The items the spool holds for the test node, by TypeName: the newest of each type, as the publisher reads them.</summary>
    internal Dictionary<string, SpoolEntry> Spool()
    {
        string folder = System.IO.Path.Combine(StateFolder.Path, Items.Node, "spool");
        var newest = new Dictionary<string, SpoolEntry>(StringComparer.Ordinal);
        if (Directory.Exists(folder))
        {
            foreach (string file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                NodeState.ReadSpoolFile(file).ForEach(e => newest[e.Item.TypeName] = e);
            }
        }

        return newest;
    }

    /// <summary>Polls <paramref name="condition"/> for up to 10 seconds and asserts it became true.</summary>
    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (int i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    /// <summary>
    /// Every file and folder under the state folder, with its last write time (a folder's changes whenever an entry in
    /// it is created, renamed or deleted), in path order.
    /// </summary>
    internal List<(string Path, DateTime LastWrite)> StateFiles() =>
        Directory.EnumerateFileSystemEntries(StateFolder.Path, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.GetLastWriteTimeUtc(f)))
            .ToList();

    /// <summary>
    /// Asserts that a fresh publisher with nothing new to say delivers <paramref name="item"/> from the spool with
    /// <paramref name="status"/>, and leaves the spool empty.
    /// </summary>
    internal async Task AssertNextPublishDelivers(InventoryItemData item, InventoryItemStatus status = InventoryItemStatus.Sent)
    {
        InventoryPublishReport next = await NewPublisher().PublishAsync([]);
        Assert.Equal(status, Assert.Single(next.Items).Status);
        AssertStored(item);
        Assert.Empty(Spool());
    }

    /// <summary>Asserts the server holds exactly <paramref name="item"/>'s Content and ContentHash.</summary>
    internal void AssertStored(InventoryItemData item)
    {
        StoredInventoryItem? stored = Server.Store.Get(Items.Node, item.TypeName);
        Assert.NotNull(stored);
        Assert.Equal(item.ContentHash, stored.ContentHash);
        Assert.Equal(item.Content.Count, stored.Content.Count);
        for (int i = 0; i < item.Content.Count; i++)
        {
            Assert.Equal(item.Content[i].OrderBy(a => a.Key, StringComparer.Ordinal), stored.Content[i].OrderBy(a => a.Key, StringComparer.Ordinal));
        }
    }
}
