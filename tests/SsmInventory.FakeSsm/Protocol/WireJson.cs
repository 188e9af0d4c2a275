using System.Text.Json;
using System.Text.Json.Serialization;

namespace SsmInventory.FakeSsm.Protocol;

/// <summary>JSON settings of the AWS JSON 1.1 wire format: the model's PascalCase member names, null members left out.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Reads a request body into its input shape; malformed JSON or a member of the wrong JSON type is a SerializationException, as on AWS.</summary>
    public static T Read<T>(JsonElement body)
        where T : new()
    {
        try
        {
            return body.Deserialize<T>(Options) ?? new T();
        }
        catch (JsonException e)
        {
            throw SsmErrors.Serialization(e.Message);
        }
    }

    public static JsonDocument Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw SsmErrors.Serialization(e.Message);
        }
    }
}
