using System.Diagnostics;
using System.Net;
using Amazon.Runtime;
using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

public sealed class FaultTests : FakeSsmTest
{
    [Fact]
    public async Task Throttle_is_a_ThrottlingException_on_the_base_exception_and_stores_nothing()
    {
        Server.Faults.Enqueue(Fault.Throttle());

        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Equal(("ThrottlingException", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task InternalError_is_an_InternalServerErrorException_with_status_500()
    {
        Server.Faults.Enqueue(Fault.InternalError());

        var error = await Assert.ThrowsAsync<InternalServerErrorException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Theory]
    [InlineData("throttle")]
    [InlineData("internal error")]
    [InlineData("connection reset")]
    public async Task With_retries_the_sdk_resends_after_one_fault_and_succeeds(string fault)
    {
        using var client = Server.CreateClient(maxErrorRetry: 2);
        Server.Faults.Enqueue(fault switch
        {
            "throttle" => Fault.Throttle(),
            "internal error" => Fault.InternalError(),
            _ => Fault.ConnectionReset(),
        });

        await client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        Assert.Equal(2, Server.Requests.Count);
        Assert.Equal(200, Server.Requests[^1].StatusCode);
        Assert.NotNull(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task ConnectionReset_surfaces_as_an_IOException_and_stores_nothing()
    {
        Server.Faults.Enqueue(Fault.ConnectionReset());

        await Assert.ThrowsAsync<IOException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Equal((0, (string?)null), (Server.Requests.Single().StatusCode, Server.Requests.Single().ErrorType));
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task ResetAfterStoring_stores_the_data_but_the_client_sees_a_failure()
    {
        Server.Faults.Enqueue(Fault.ResetAfterStoring());

        await Assert.ThrowsAsync<IOException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(2)))));

        Assert.Equal(2, Server.Store.Get(NodeId, "Custom:Rack")!.Content.Count);
        Assert.Equal(0, Server.Requests.Single().StatusCode);
    }

    [Fact]
    public async Task With_its_default_stale_connection_retries_the_sdk_hides_a_connection_reset()
    {
        // What a client configured like production does: AWSSDK.Core resends at once after "connection reset", outside MaxErrorRetry.
        var config = new AmazonSimpleSystemsManagementConfig { ServiceURL = Server.ServiceUrl.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 };
        using var client = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);
        Server.Faults.Enqueue(Fault.ResetAfterStoring());

        await client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        Assert.Equal([0, 200], Server.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task A_server_with_latency_answers_every_request_that_much_later()
    {
        await using var slow = await FakeSsmServer.StartAsync(latency: TimeSpan.FromMilliseconds(250));
        using var client = slow.CreateClient();

        foreach (var typeName in new[] { "Custom:Rack", "Custom:Room" })
        {
            var watch = Stopwatch.StartNew();
            await client.PutInventoryAsync(Put(Item(typeName, Rows(1))));
            Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(250), $"{typeName} answered after {watch.Elapsed}");
        }

        Assert.Equal([200, 200], slow.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Delay_within_the_client_timeout_is_a_slow_success()
    {
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMilliseconds(300)));
        var watch = Stopwatch.StartNew();

        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(300), $"answered after {watch.Elapsed}");
        Assert.NotNull(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task Delay_beyond_the_client_timeout_is_a_TimeoutException_and_the_server_still_processes_the_request()
    {
        using var client = Server.CreateClient(timeout: TimeSpan.FromMilliseconds(200));
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromMilliseconds(700)));

        await Assert.ThrowsAsync<TimeoutException>(() => client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
        await WaitUntil(() => Server.Store.Get(NodeId, "Custom:Rack") is not null);
    }

    [Fact]
    public async Task Error_answers_with_any_error_type_mapped_by_the_sdk()
    {
        Server.Faults.Enqueue(Fault.Error("InvalidInstanceId", "node is terminated"));
        Server.Faults.Enqueue(Fault.Error("ServiceUnavailable", "try later", 503));

        var typed = await Assert.ThrowsAsync<InvalidInstanceIdException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));
        var untyped = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));

        Assert.Equal("node is terminated", typed.Message);
        Assert.Equal(("ServiceUnavailable", HttpStatusCode.ServiceUnavailable), (untyped.ErrorCode, untyped.StatusCode));
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task Faults_are_taken_one_per_request_of_any_operation_in_order()
    {
        Server.Faults.Enqueue(Fault.Throttle());
        Server.Faults.Enqueue(Fault.InternalError());
        var list = new ListInventoryEntriesRequest { InstanceId = NodeId, TypeName = "Custom:Rack" };

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => Client.ListInventoryEntriesAsync(list));
        await Assert.ThrowsAsync<InternalServerErrorException>(() => Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1)))));
        await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));

        Assert.Equal(
            [("ListInventoryEntries", "ThrottlingException"), ("PutInventory", "InternalServerError"), ("PutInventory", null)],
            Server.Requests.Select(r => (r.Operation, r.ErrorType)));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(5), "the condition never came true");
            await Task.Delay(20);
        }
    }
}
