using System.Globalization;
using System.Text;

namespace SsmInventory.Generator.Analyzers.SchemaLock;

/// <summary>One attribute of a locked schema.</summary>
internal readonly record struct LockedAttribute(string Name, string DataType);

/// <summary>
/// A schema lock file (<c>schemas/*.json</c>, shaped like GetInventorySchema's InventoryItemSchema): reads and writes
/// <c>{"TypeName": ..., "Version": ..., "Attributes": [{"Name": ..., "DataType": "string"|"number"}]}</c>.
/// A small reader of its own, because analyzers cannot count on a JSON library being loaded in every compiler host.
/// </summary>
internal sealed class SchemaLockFile
{
    private SchemaLockFile(string typeName, string version, IReadOnlyList<LockedAttribute> attributes)
    {
        TypeName = typeName;
        Version = version;
        Attributes = attributes;
    }

    public string TypeName { get; }

    public string Version { get; }

    public IReadOnlyList<LockedAttribute> Attributes { get; }

    /// <summary>The lock file name for a TypeName: every character but letters, digits, '.', '-' and '_' becomes '_'.</summary>
    public static string FileNameFor(string typeName)
    {
        var name = new StringBuilder(typeName.Length + 5);
        foreach (char c in typeName)
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' ? c : '_');
        }

        return name.Append(".json").ToString();
    }

    /// <summary>True for a path the analyzers read as a lock: a <c>.json</c> file in a folder named <c>schemas</c>, not a JSON Schema.</summary>
    public static bool IsLockPath(string path)
    {
        string normalized = path.Replace('\\', '/');
        string folder = Path.GetFileName(Path.GetDirectoryName(normalized) ?? string.Empty);
        return string.Equals(folder, "schemas", StringComparison.OrdinalIgnoreCase)
            && normalized.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            && !normalized.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses a lock file, or returns null with <paramref name="error"/> saying what is wrong and where.</summary>
    public static SchemaLockFile? Parse(string text, out string? error)
    {
        try
        {
            var reader = new JsonReader(text);
            if (reader.ReadValue() is not Dictionary<string, object?> root)
            {
                error = "the file is not a JSON object";
                return null;
            }

            reader.ExpectEnd();
            if (root.TryGetValue("TypeName", out object? typeName) is false || typeName is not string typeNameText
                || root.TryGetValue("Version", out object? version) is false || version is not string versionText
                || root.TryGetValue("Attributes", out object? attributes) is false || attributes is not List<object?> attributeList)
            {
                error = "it needs the members TypeName (string), Version (string) and Attributes (array)";
                return null;
            }

            var locked = new List<LockedAttribute>();
            foreach (object? item in attributeList)
            {
                if (item is not Dictionary<string, object?> attribute
                    || !attribute.TryGetValue("Name", out object? name) || name is not string nameText
                    || !attribute.TryGetValue("DataType", out object? dataType) || dataType is not ("string" or "number"))
                {
                    error = "each attribute needs a Name (string) and a DataType (\"string\" or \"number\")";
                    return null;
                }

                locked.Add(new LockedAttribute(nameText, (string)dataType));
            }

            error = null;
            return new SchemaLockFile(typeNameText, versionText, locked);
        }
        catch (FormatException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>The canonical text of a lock file: two-space indentation, one line per attribute, a final newline.</summary>
    public static string Write(string typeName, string version, IEnumerable<LockedAttribute> attributes)
    {
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append("  \"TypeName\": ").Append(Quote(typeName)).Append(",\n");
        text.Append("  \"Version\": ").Append(Quote(version)).Append(",\n");
        text.Append("  \"Attributes\": [");
        bool first = true;
        foreach (LockedAttribute attribute in attributes)
        {
            text.Append(first ? "\n" : ",\n");
            text.Append("    { \"Name\": ").Append(Quote(attribute.Name)).Append(", \"DataType\": ").Append(Quote(attribute.DataType)).Append(" }");
            first = false;
        }

        text.Append(first ? "]\n" : "\n  ]\n");
        return text.Append("}\n").ToString();
    }

    private static string Quote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': quoted.Append("\\\""); break;
                case '\\': quoted.Append("\\\\"); break;
                case < ' ': quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: quoted.Append(c); break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Just enough JSON: objects become dictionaries, arrays lists, strings strings; other values are read and dropped.</summary>
    private sealed class JsonReader
    {
        private readonly string _text;
        private int _position;

        public JsonReader(string text) => _text = text;

        public object? ReadValue()
        {
            SkipWhitespace();
            if (_position >= _text.Length)
            {
                throw Error("the file ends where a value was expected");
            }

            switch (_text[_position])
            {
                case '{': return ReadObject();
                case '[': return ReadArray();
                case '"': return ReadString();
                default: ReadLiteral(); return null;
            }
        }

        public void ExpectEnd()
        {
            SkipWhitespace();
            if (_position < _text.Length)
            {
                throw Error("unexpected text after the JSON value");
            }
        }

        private Dictionary<string, object?> ReadObject()
        {
            var members = new Dictionary<string, object?>(StringComparer.Ordinal);
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return members;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("expected a member name in double quotes");
                }

                string name = ReadString();
                Expect(':');
                members[name] = ReadValue();
                SkipWhitespace();
                char next = Next();
                if (next == '}')
                {
                    return members;
                }

                if (next != ',')
                {
                    throw Error("expected ',' or '}'", -1);
                }
            }
        }

        private List<object?> ReadArray()
        {
            var items = new List<object?>();
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return items;
            }

            while (true)
            {
                items.Add(ReadValue());
                SkipWhitespace();
                char next = Next();
                if (next == ']')
                {
                    return items;
                }

                if (next != ',')
                {
                    throw Error("expected ',' or ']'", -1);
                }
            }
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            _position++;
            while (true)
            {
                char c = Next();
                if (c == '"')
                {
                    return value.ToString();
                }

                if (c < ' ')
                {
                    throw Error("a control character inside a string must be escaped", -1);
                }

                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }

                char escape = Next();
                switch (escape)
                {
                    case '"': case '\\': case '/': value.Append(escape); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                        {
                            throw Error("\\u must be followed by four hex digits");
                        }

                        value.Append((char)code);
                        _position += 4;
                        break;
                    default:
                        throw Error($"unknown escape \\{escape}", -1);
                }
            }
        }

        // true, false, null and numbers: the lock format has none, so they are checked for shape and dropped.
        private void ReadLiteral()
        {
            int start = _position;
            while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
            {
                _position++;
            }

            string literal = _text.Substring(start, _position - start);
            if (literal is not ("true" or "false" or "null")
                && !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _position = start;
                throw Error("expected a JSON value");
            }
        }

        private void Expect(char expected)
        {
            SkipWhitespace();
            if (Next() != expected)
            {
                throw Error($"expected '{expected}'", -1);
            }
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private char Next()
        {
            if (_position >= _text.Length)
            {
                throw Error("the file ends in the middle of a value");
            }

            return _text[_position++];
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                _position++;
            }
        }

        private FormatException Error(string message, int offset = 0)
        {
            int position = Math.Max(0, Math.Min(_text.Length, _position + offset));
            int line = 1, column = 1;
            for (int i = 0; i < position; i++)
            {
                if (_text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }

            return new FormatException($"invalid JSON at line {line}, column {column}: {message}");
        }
    }
}
