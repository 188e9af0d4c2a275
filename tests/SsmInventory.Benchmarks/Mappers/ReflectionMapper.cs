using System.Globalization;
using System.Reflection;

namespace SsmInventory.Benchmarks.Mappers;

/// <summary>
/// A typical reflection-based mapper: the public properties' <see cref="PropertyInfo"/>s and a format per property are
/// looked up once and cached; each row then goes through <see cref="PropertyInfo.GetValue(object?)"/> (boxing) and
/// <see cref="IFormattable.ToString(string?, IFormatProvider?)"/> with the invariant culture, and back through
/// parsing and <see cref="PropertyInfo.SetValue(object?, object?)"/>. It uses the same formats as InventoryValue, so
/// its rows are identical to the generated code's.
/// </summary>
public sealed class ReflectionMapper<T>
    where T : class, new()
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private readonly Property[] _properties;

    public ReflectionMapper()
    {
        _properties = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .Select(p => new Property(p))
            .ToArray();
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
        var row = new Dictionary<string, string>(_properties.Length);
        foreach (Property property in _properties)
        {
            object? boxed = property.Info.GetValue(value);
            if (boxed is null)
            {
                continue;
            }

            row.Add(property.Info.Name, property.Format(boxed));
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

    public T ReadRow(IReadOnlyDictionary<string, string> row)
    {
        var value = new T();
        foreach (Property property in _properties)
        {
            if (row.TryGetValue(property.Info.Name, out string? text))
            {
                property.Info.SetValue(value, property.Parse(text));
            }
        }

        return value;
    }

    private sealed class Property
    {
        private readonly Type _type;
        private readonly string? _format;

        public Property(PropertyInfo info)
        {
            Info = info;
            _type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;

            // The same text InventoryValue writes: shortest round-trip floats, lower-case D GUIDs, AWS-style UTC dates.
            _format = _type == typeof(double) || _type == typeof(float) ? "R"
                : _type == typeof(Guid) ? "D"
                : _type == typeof(DateTime) ? "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'"
                : null;
        }

        public PropertyInfo Info { get; }

        public string Format(object value) => value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            DateTime date => ToUtc(date).ToString(_format, Invariant),
            Enum member => member.ToString(),
            IFormattable formattable => formattable.ToString(_format, Invariant),
            _ => Convert.ToString(value, Invariant) ?? "",
        };

        public object? Parse(string text)
        {
            if (_type == typeof(string))
            {
                return text;
            }

            if (_type == typeof(bool))
            {
                return bool.Parse(text);
            }

            if (_type.IsEnum)
            {
                return Enum.Parse(_type, text);
            }

            if (_type == typeof(Guid))
            {
                return Guid.Parse(text);
            }

            if (_type == typeof(DateTime))
            {
                return DateTime.ParseExact(text, _format!, Invariant, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            }

            return Convert.ChangeType(text, _type, Invariant);
        }

        private static DateTime ToUtc(DateTime value) => value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
    }
}
