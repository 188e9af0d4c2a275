using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SsmInventory.Benchmarks.Mappers;

/// <summary>
/// Rows through System.Text.Json, with source-generated metadata (<see cref="JsonTypeInfo{T}"/>, the AOT-fair way).
/// Write: serialize the object to UTF-8 JSON, then parse that JSON into a <c>Dictionary&lt;string,string&gt;</c>
/// (strings as they are, numbers as their raw JSON text, <c>true</c>/<c>false</c>, nulls left out).
/// Read: write the row as a JSON object (numbers and booleans raw, the rest as strings), then deserialize it into T.
/// One buffer and one <see cref="Utf8JsonWriter"/> are reused across rows, as a careful caller would.
/// </summary>
public sealed class JsonRoundTripMapper<T>
{
    private readonly JsonTypeInfo<T> _typeInfo;
    private readonly HashSet<string> _rawNames;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);
    private readonly Utf8JsonWriter _writer;

    public JsonRoundTripMapper(JsonTypeInfo<T> typeInfo)
    {
        _typeInfo = typeInfo;
        _writer = new Utf8JsonWriter(_buffer);

        // The properties whose JSON is a number or a boolean literal rather than a string.
        _rawNames = typeInfo.Properties
            .Where(p => IsRaw(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType))
            .Select(p => p.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    public List<Dictionary<string, string>> WriteContent(IReadOnlyList<T> values)
    {
        var content = new List<Dictionary<string, string>>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            content.Add(WriteRow(values[i]));
        }

        return content;
    }

    public Dictionary<string, string> WriteRow(T value)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, value, _typeInfo);
        _writer.Flush();

        var reader = new Utf8JsonReader(_buffer.WrittenSpan);
        var row = new Dictionary<string, string>(_rawNames.Count + 4);
        reader.Read(); // StartObject
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    row.Add(name, reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    row.Add(name, Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
                case JsonTokenType.True:
                    row.Add(name, "true");
                    break;
                case JsonTokenType.False:
                    row.Add(name, "false");
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    throw new NotSupportedException($"{name}: nested JSON ({reader.TokenType}) is not a row value.");
            }
        }

        return row;
    }

    public List<T> ReadContent(List<Dictionary<string, string>> rows)
    {
        var values = new List<T>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            values.Add(ReadRow(rows[i]));
        }

        return values;
    }

    public T ReadRow(Dictionary<string, string> row)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        _writer.WriteStartObject();
        foreach (KeyValuePair<string, string> attribute in row)
        {
            _writer.WritePropertyName(attribute.Key);
            if (_rawNames.Contains(attribute.Key))
            {
                _writer.WriteRawValue(attribute.Value);
            }
            else
            {
                _writer.WriteStringValue(attribute.Value);
            }
        }

        _writer.WriteEndObject();
        _writer.Flush();
        return JsonSerializer.Deserialize(_buffer.WrittenSpan, _typeInfo)!;
    }

    private static bool IsRaw(Type type) =>
        type == typeof(bool) || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(float)
        || type == typeof(decimal) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) || type == typeof(ulong);
}
