using System.Text.Json;

namespace SsmInventory.FakeSsm.Protocol;

/// <summary>An answer of the fake service before it goes on the wire, so that a fault can still drop it.</summary>
internal sealed record SsmResponse(int StatusCode, byte[] Body, string? ErrorType)
{
    public static SsmResponse Ok<T>(T output) => new(200, JsonSerializer.SerializeToUtf8Bytes(output, WireJson.Options), null);

    /// <summary>The AWS JSON 1.1 error body: <c>__type</c>, <c>message</c>, and <c>TypeName</c> for the exceptions that carry one.</summary>
    public static SsmResponse Error(SsmErrorException error)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("__type", error.ErrorType);
            writer.WriteString("message", error.Message);
            if (error.TypeName is not null)
            {
                writer.WriteString("TypeName", error.TypeName);
            }

            writer.WriteEndObject();
        }

        return new SsmResponse(error.StatusCode, buffer.ToArray(), error.ErrorType);
    }
}
