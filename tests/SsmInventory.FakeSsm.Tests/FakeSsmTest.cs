namespace SsmInventory.FakeSsm.Tests;

/// <summary>Each test gets its own server (so stored data and faults never leak between tests) and a client without retries.</summary>
public abstract class FakeSsmTest : IAsyncLifetime
{
    static FakeSsmTest()
    {
        // Without this, the SDK probes the EC2 instance metadata service, which costs seconds on a machine that is not EC2.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    protected FakeSsmServer Server { get; private set; } = null!;

    protected AmazonSimpleSystemsManagementClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeSsmServer.StartAsync();
        Client = Server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
