using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace SsmInventory.Aws.Tests;

public sealed class ManagedNodeIdTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    // Generous: a busy test machine can take a while to answer a first request.
    private SsmInventoryOptions Options(Uri? metadata = null, double timeoutSeconds = 10) => new()
    {
        AgentRegistrationFile = Path.Combine(_folder.Path, "registration"),

        // Nothing listens on port 9 (discard) of the loopback address.
        InstanceMetadataEndpoint = metadata ?? new Uri("http://127.0.0.1:9/"),
        InstanceMetadataTimeout = TimeSpan.FromSeconds(timeoutSeconds),
    };

    [Fact]
    public async Task The_configured_id_wins()
    {
        SsmInventoryOptions options = Options();
        options.InstanceId = "i-0123456789abcdef0";
        File.WriteAllText(options.AgentRegistrationFile, """{"ManagedInstanceID":"mi-0123456789abcdef0"}""");
        Assert.Equal("i-0123456789abcdef0", await ManagedNodeId.ResolveAsync(options, instanceMetadataDisabled: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_hybrid_node_is_found_in_the_agent_registration()
    {
        SsmInventoryOptions options = Options();
        File.WriteAllText(options.AgentRegistrationFile, """{"ManagedInstanceID":"mi-0123456789abcdef0","Region":"eu-west-1"}""");
        Assert.Equal("mi-0123456789abcdef0", await ManagedNodeId.ResolveAsync(options, instanceMetadataDisabled: true, CancellationToken.None));
    }

    [Fact]
    public async Task An_EC2_instance_is_found_with_IMDSv2()
    {
        var requests = new List<string>();
        await using WebApplication metadata = await StartMetadataAsync(async context =>
        {
            requests.Add($"{context.Request.Method} {context.Request.Path}");
            if (context.Request.Method == "PUT" && context.Request.Path == "/latest/api/token"
                && context.Request.Headers.ContainsKey("X-aws-ec2-metadata-token-ttl-seconds"))
            {
                await context.Response.WriteAsync("token-1");
            }
            else if (context.Request.Method == "GET" && context.Request.Path == "/latest/meta-data/instance-id"
                && context.Request.Headers["X-aws-ec2-metadata-token"] == "token-1")
            {
                await context.Response.WriteAsync("i-0fedcba9876543210");
            }
            else
            {
                context.Response.StatusCode = 401;
            }
        });

        string id = await ManagedNodeId.ResolveAsync(Options(new Uri(metadata.Urls.Single())), instanceMetadataDisabled: false, CancellationToken.None);

        Assert.Equal("i-0fedcba9876543210", id);
        Assert.Equal(["PUT /latest/api/token", "GET /latest/meta-data/instance-id"], requests);
    }

    [Fact]
    public async Task Without_any_source_the_error_says_what_was_tried_and_what_to_do()
    {
        SsmInventoryOptions options = Options();
        File.WriteAllText(options.AgentRegistrationFile, "{broken");
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ManagedNodeId.ResolveAsync(options, instanceMetadataDisabled: false, CancellationToken.None));

        Assert.Contains("not an EC2 instance or a registered hybrid node", error.Message);
        Assert.Contains(options.AgentRegistrationFile, error.Message);
        Assert.Contains("127.0.0.1:9", error.Message);
        Assert.Contains("SsmInventoryOptions.InstanceId", error.Message);
    }

    [Fact]
    public async Task Instance_metadata_can_be_turned_off_and_answers_that_are_not_ids_are_refused()
    {
        var disabled = await Assert.ThrowsAsync<InvalidOperationException>(() => ManagedNodeId.ResolveAsync(Options(), instanceMetadataDisabled: true, CancellationToken.None));
        Assert.Contains("AWS_EC2_METADATA_DISABLED", disabled.Message);

        await using WebApplication metadata = await StartMetadataAsync(context => context.Response.WriteAsync("<html>captive portal</html>"));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ManagedNodeId.ResolveAsync(Options(new Uri(metadata.Urls.Single())), instanceMetadataDisabled: false, CancellationToken.None));
        Assert.Contains("not an instance id", refused.Message);
    }

    [Fact]
    public async Task A_slow_metadata_service_times_out_quickly()
    {
        await using WebApplication metadata = await StartMetadataAsync(context => Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted));
        var started = DateTime.UtcNow;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ManagedNodeId.ResolveAsync(Options(new Uri(metadata.Urls.Single()), timeoutSeconds: 0.5), instanceMetadataDisabled: false, CancellationToken.None));
        Assert.Contains("did not answer within 0.5 s", error.Message);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
    }

    private static async Task<WebApplication> StartMetadataAsync(RequestDelegate handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
