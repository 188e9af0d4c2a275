using System.Net;
using System.Net.Sockets;
using System.Text;
using static SsmInventory.FakeSsm.Tests.Inventory;

namespace SsmInventory.FakeSsm.Tests;

/// <summary>The AWS JSON 1.1 surface: signing, targets, malformed bodies and the error body.</summary>
public sealed class ProtocolTests : FakeSsmTest
{
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer token")]
    public async Task A_request_without_a_SigV4_authorization_is_refused(string? authorization)
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", SizedJson.Body(NodeId, SizedJson.Item("Custom:Rack", 200)), authorization);

        Assert.Equal((HttpStatusCode.Forbidden, "MissingAuthenticationTokenException"), (response.Status, response.ErrorType));
        Assert.Null(Server.Store.Get(NodeId, "Custom:Rack"));
    }

    [Fact]
    public async Task An_operation_the_fake_does_not_serve_is_an_unknown_operation()
    {
        var error = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(
            () => Client.GetInventorySchemaAsync(new GetInventorySchemaRequest()));

        Assert.Equal(("UnknownOperationException", HttpStatusCode.BadRequest), (error.ErrorCode, error.StatusCode));
        Assert.Equal("AmazonSSM.GetInventorySchema", Server.Requests.Single().Target);
    }

    [Theory]
    [InlineData("{\"InstanceId\":")]
    [InlineData("{\"InstanceId\":\"i-01234567\",\"Items\":[{\"TypeName\":\"Custom:Rack\",\"SchemaVersion\":1.0}]}")]
    [InlineData("[]")]
    public async Task A_body_that_is_not_the_operation_shape_is_a_serialization_exception(string json)
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", json);

        Assert.Equal((HttpStatusCode.BadRequest, "SerializationException"), (response.Status, response.ErrorType));
    }

    [Fact]
    public async Task An_error_body_carries_type_message_and_the_type_name()
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", """
            {"InstanceId":"i-01234567","Items":[{"TypeName":"Custom:Rack","SchemaVersion":"1.0","CaptureTime":"2024-05-01T12:00:00Z","ContentHash":"h"}]}
            """);

        Assert.Equal((HttpStatusCode.BadRequest, "application/x-amz-json-1.1"), (response.Status, response.ContentType));
        Assert.Equal("ItemContentMismatchException", response.ErrorType);
        Assert.Equal("Custom:Rack", response.Member("TypeName"));
        Assert.False(string.IsNullOrEmpty(response.Member("message")));
    }

    [Fact]
    public async Task A_successful_put_answers_an_empty_object()
    {
        using var raw = new RawSsmClient(Server.ServiceUrl);

        var response = await raw.SendAsync("PutInventory", SizedJson.Body(NodeId, SizedJson.Item("Custom:Rack", 200)));

        Assert.Equal((HttpStatusCode.OK, "{}"), (response.Status, response.Body.GetRawText()));
        var sdkResponse = await Client.PutInventoryAsync(Put(Item("Custom:Rack", Rows(1))));
        Assert.Null(sdkResponse.Message);
    }

    [Fact]
    public async Task The_log_records_the_exact_size_of_the_request_head_and_body()
    {
        var body = Encoding.UTF8.GetBytes(SizedJson.Body(NodeId, SizedJson.Item("Custom:Rack", 200)));
        var head = Encoding.ASCII.GetBytes(
            $"POST / HTTP/1.1\r\nHost: {Server.ServiceUrl.Authority}\r\nContent-Type: application/x-amz-json-1.1\r\n" +
            $"X-Amz-Target: AmazonSSM.PutInventory\r\nAuthorization: {RawSsmClient.FakeSignature}\r\n" +
            $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.ServiceUrl.Host, Server.ServiceUrl.Port);
        var stream = tcp.GetStream();

        await stream.WriteAsync(head.Concat(body).ToArray());
        var answer = await new StreamReader(stream).ReadToEndAsync();

        Assert.StartsWith("HTTP/1.1 200", answer, StringComparison.Ordinal);
        var recorded = Server.Requests.Single();
        Assert.Equal((head.Length, body.Length), (recorded.HeadBytes, recorded.BodyBytes));
    }
}
