using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SsmInventory;

/// <summary>
/// The SSM Agent's ContentHash: Base64 of the MD5 of Go's <c>json.Marshal</c> of the Content rows.
/// Items whose Content is unchanged are sent with this hash alone, so it must match the agent's byte for byte.
/// </summary>
public static class InventoryContentHash
{
    private const int ReplacementChar = 0xFFFD;

    private static readonly byte[] s_hex = Encoding.ASCII.GetBytes("0123456789abcdef");

    private static readonly bool[] s_plainAscii = PlainAsciiTable();

#if NET8_0_OR_GREATER
    // The ASCII characters Go escapes; U+2028 and U+2029 are searched for separately.
    private static readonly SearchValues<char> s_asciiEscapes = SearchValues.Create(AsciiEscapeChars());
#endif

    /// <summary>
    /// Base64(MD5(Go json.Marshal of the rows)), 24 chars. Empty list hashes the 4 bytes "null".
    /// </summary>
    /// <remarks>
    /// Attributes are written in the order of their names' UTF-8 bytes, and lone surrogates become U+FFFD first,
    /// as the agent's JSON decoder does. U+0008 and U+000C are rejected because the agent escapes them differently
    /// depending on the Go version it was built with.
    /// </remarks>
    /// <param name="content">The Content rows; a single-object Content is a one-row list.</param>
    /// <returns>The 24-character ContentHash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A row, an attribute name or a value is null; a name or value contains U+0008 or U+000C;
    /// or two names of one row are equal once lone surrogates are replaced.
    /// </exception>
    public static string Compute(IReadOnlyList<IReadOnlyDictionary<string, string>> content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        using IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        Encode(content, new HashSink(md5));
#if NET8_0_OR_GREATER
        Span<byte> digest = stackalloc byte[16];
        md5.GetHashAndReset(digest);
        return Convert.ToBase64String(digest);
#else
        return Convert.ToBase64String(md5.GetHashAndReset());
#endif
    }

    /// <summary>
    /// Writes the exact bytes <see cref="Compute"/> hashes. On an exception, what was already written is incomplete.
    /// </summary>
    /// <returns>The number of bytes written.</returns>
    internal static long WriteHashedBytes(IReadOnlyList<IReadOnlyDictionary<string, string>> content, Stream destination)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        return Encode(content, new StreamSink(destination));
    }

    /// <summary>The number of bytes <see cref="Compute"/> hashes, validating the content the same way.</summary>
    internal static long GetHashedByteCount(IReadOnlyList<IReadOnlyDictionary<string, string>> content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        return Encode(content, default(DiscardSink));
    }

    /// <summary>
    /// Orders attribute names as Go orders map keys: by UTF-8 bytes, which is Unicode code point order,
    /// after replacing lone surrogates with U+FFFD. .NET's ordinal order differs for U+E000–U+FFFF against U+10000 and above.
    /// </summary>
    internal static int CompareNames(string x, string y)
    {
        int common = Math.Min(x.Length, y.Length);
        int i = 0;
        while (i < common && x[i] == y[i])
        {
            i++;
        }

        if (i == common)
        {
            // One is a UTF-16 prefix of the other. Even when the shorter one ends in a high surrogate that the longer
            // one pairs, U+FFFD sorts below every supplementary code point, so the shorter one still comes first.
            return x.Length.CompareTo(y.Length);
        }

        char a = x[i];
        char b = y[i];
        if (!IsSurrogate(a) && !IsSurrogate(b) && (i == 0 || !char.IsHighSurrogate(x[i - 1])))
        {
            return a - b;
        }

        // A high surrogate always starts a code point, so restart decoding there.
        if (i > 0 && char.IsHighSurrogate(x[i - 1]))
        {
            i--;
        }

        int ix = i;
        int iy = i;
        while (ix < x.Length && iy < y.Length)
        {
            int cx = ReadCodePoint(x, ref ix);
            int cy = ReadCodePoint(y, ref iy);
            if (cx != cy)
            {
                return cx < cy ? -1 : 1;
            }
        }

        return (x.Length - ix).CompareTo(y.Length - iy);
    }

    private static int ReadCodePoint(string s, ref int index)
    {
        char c = s[index++];
        if (!IsSurrogate(c))
        {
            return c;
        }

        if (char.IsHighSurrogate(c) && index < s.Length && char.IsLowSurrogate(s[index]))
        {
            return char.ConvertToUtf32(c, s[index++]);
        }

        return ReplacementChar;
    }

    private static bool IsSurrogate(char c) => (uint)(c - 0xD800) <= 0x7FF;

    private static long Encode<TSink>(IReadOnlyList<IReadOnlyDictionary<string, string>> content, TSink sink)
        where TSink : struct, IByteSink
    {
        var writer = new Writer<TSink>(sink);
        try
        {
            writer.WriteContent(content);
            return writer.Complete();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private interface IByteSink
    {
        void Write(byte[] buffer, int count);
    }

    private readonly struct HashSink(IncrementalHash hash) : IByteSink
    {
        public void Write(byte[] buffer, int count) => hash.AppendData(buffer, 0, count);
    }

    private readonly struct StreamSink(Stream stream) : IByteSink
    {
        public void Write(byte[] buffer, int count) => stream.Write(buffer, 0, count);
    }

    private readonly struct DiscardSink : IByteSink
    {
        public void Write(byte[] buffer, int count)
        {
        }
    }

    private sealed class NameComparer : IComparer<string>
    {
        public static readonly NameComparer Instance = new();

        public int Compare(string? x, string? y) => CompareNames(x!, y!);
    }

    /// <summary>Encodes into a small pooled buffer that is handed to the sink whenever it fills up.</summary>
    private struct Writer<TSink>
        where TSink : struct, IByteSink
    {
        private const int BufferSize = 4096;

        // The longest encoding of one UTF-16 code unit or surrogate pair: a \u2028-style escape.
        private const int MaxBytesPerChar = 6;

        // Rows up to this many attributes are sorted by insertion; larger ones use Array.Sort.
        private const int InsertionSortLimit = 16;

        private readonly TSink _sink;
        private byte[] _buffer;
        private int _pos;
        private long _flushed;

        // The current row's attributes, in the order the dictionary enumerates them.
        private string[] _names;
        private string?[] _values;

        // The sorted names of the last row that needed sorting, and for each its index in that row's enumeration.
        // Rows usually enumerate the same names in the same order, and then this order is reused without comparing.
        private string[] _sortedNames;
        private int[] _order;
        private int _sortedCount;

        public Writer(TSink sink)
        {
            _sink = sink;
            _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            _names = [];
            _values = [];
            _sortedNames = [];
            _order = [];
            _sortedCount = -1;
        }

        public void WriteContent(IReadOnlyList<IReadOnlyDictionary<string, string>> content)
        {
            int count = content.Count;
            if (count == 0)
            {
                WriteAscii("null");
                return;
            }

            WriteByte((byte)'[');
            for (int row = 0; row < count; row++)
            {
                if (row > 0)
                {
                    WriteByte((byte)',');
                }

                WriteRow(content[row], row);
            }

            WriteByte((byte)']');
        }

        public long Complete()
        {
            Flush();
            return _flushed;
        }

        public void Dispose()
        {
            Return(ref _buffer, clear: false);
            Return(ref _names, clear: true);
            Return(ref _values, clear: true);
            Return(ref _sortedNames, clear: true);
            Return(ref _order, clear: false);
        }

        private static void Return<T>(ref T[] array, bool clear)
        {
            if (array.Length > 0)
            {
                ArrayPool<T>.Shared.Return(array, clear);
                array = [];
            }
        }

        private static void Grow<T>(ref T[] array, int needed, bool clear)
        {
            if (needed <= array.Length)
            {
                return;
            }

            T[] larger = ArrayPool<T>.Shared.Rent(Math.Max(needed, 2 * array.Length));
            Array.Copy(array, larger, array.Length);
            Return(ref array, clear);
            array = larger;
        }

        private void WriteRow(IReadOnlyDictionary<string, string>? row, int rowIndex)
        {
            if (row is null)
            {
                throw new ArgumentException($"Row {rowIndex} of the content is null.", "content");
            }

            int count = CollectAttributes(row, rowIndex);
            if (!HasSameNamesAsSorted(count))
            {
                SortNames(count, rowIndex);
            }

            string[] names = _names;
            string?[] values = _values;
            int[] order = _order;
            WriteByte((byte)'{');
            for (int i = 0; i < count; i++)
            {
                if (i > 0)
                {
                    WriteByte((byte)',');
                }

                string name = names[order[i]];
                string value = values[order[i]]
                    ?? throw new ArgumentException(
                        $"Row {rowIndex}, attribute \"{DisplayName(name)}\": the value is null. "
                        + "Attribute values are strings; leave the attribute out instead.",
                        "content");

                WriteString(name, rowIndex, name, isName: true);
                WriteByte((byte)':');
                WriteString(value, rowIndex, name, isName: false);
            }

            WriteByte((byte)'}');
        }

        private int CollectAttributes(IReadOnlyDictionary<string, string> row, int rowIndex)
        {
            int capacity = row.Count;
            Grow(ref _names, capacity, clear: true);
            Grow(ref _values, capacity, clear: true);
            int count = 0;
            if (row is Dictionary<string, string> dictionary)
            {
                // The struct enumerator avoids boxing an interface enumerator for every row.
                foreach (KeyValuePair<string, string> attribute in dictionary)
                {
                    AddAttribute(attribute, ref count, rowIndex);
                }
            }
            else
            {
                foreach (KeyValuePair<string, string> attribute in row)
                {
                    AddAttribute(attribute, ref count, rowIndex);
                }
            }

            return count;
        }

        private void AddAttribute(KeyValuePair<string, string> attribute, ref int count, int rowIndex)
        {
            if (attribute.Key is null)
            {
                throw new ArgumentException($"Row {rowIndex} has an attribute whose name is null.", "content");
            }

            if (count == _names.Length)
            {
                Grow(ref _names, count + 1, clear: true);
                Grow(ref _values, count + 1, clear: true);
            }

            _names[count] = attribute.Key;
            _values[count] = attribute.Value;
            count++;
        }

        private readonly bool HasSameNamesAsSorted(int count)
        {
            if (count != _sortedCount)
            {
                return false;
            }

            string[] names = _names;
            string[] sortedNames = _sortedNames;
            int[] order = _order;
            for (int i = 0; i < count; i++)
            {
                if (!string.Equals(names[order[i]], sortedNames[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private void SortNames(int count, int rowIndex)
        {
            _sortedCount = -1;
            Grow(ref _sortedNames, count, clear: true);
            Grow(ref _order, count, clear: false);
            string[] sorted = _sortedNames;
            int[] order = _order;
            Array.Copy(_names, sorted, count);
            for (int i = 0; i < count; i++)
            {
                order[i] = i;
            }

            if (count > InsertionSortLimit)
            {
                Array.Sort(sorted, order, 0, count, NameComparer.Instance);
            }
            else
            {
                for (int i = 1; i < count; i++)
                {
                    string name = sorted[i];
                    int index = order[i];
                    int j = i - 1;
                    while (j >= 0 && CompareNames(sorted[j], name) > 0)
                    {
                        sorted[j + 1] = sorted[j];
                        order[j + 1] = order[j];
                        j--;
                    }

                    sorted[j + 1] = name;
                    order[j + 1] = index;
                }
            }

            for (int i = 1; i < count; i++)
            {
                if (CompareNames(sorted[i - 1], sorted[i]) == 0)
                {
                    throw DuplicateNames(rowIndex, sorted[i - 1], sorted[i]);
                }
            }

            _sortedCount = count;
        }

        private void WriteString(string text, int rowIndex, string attributeName, bool isName)
        {
            WriteByte((byte)'"');
#if NET8_0_OR_GREATER
            if (text.Length >= VectorizedMinLength)
            {
                WriteCharsVectorized(text, rowIndex, attributeName, isName);
            }
            else
#endif
            {
                WriteCharsScalar(text, rowIndex, attributeName, isName);
            }

            WriteByte((byte)'"');
        }

#if NET8_0_OR_GREATER
        // Below this length the per-call cost of the vectorized searches outweighs what they save.
        private const int VectorizedMinLength = 24;

        private void WriteCharsVectorized(string text, int rowIndex, string attributeName, bool isName)
        {
            int i = 0;
            int length = text.Length;
            while (i < length)
            {
                int stop = IndexOfEscape(text, i);

                // Transcode up to the next escape. A run never ends inside a surrogate pair (escapes are not surrogates),
                // so a high surrogate at its end is lone, and lone surrogates become U+FFFD as in Go's decoder.
                // When the buffer fills, the transcoder stops before a whole code point, so pairs are never split.
                while (i < stop)
                {
                    if (_buffer.Length - _pos < 4)
                    {
                        Flush();
                    }

                    OperationStatus status = System.Text.Unicode.Utf8.FromUtf16(
                        text.AsSpan(i, stop - i),
                        _buffer.AsSpan(_pos),
                        out int read,
                        out int written,
                        replaceInvalidSequences: true,
                        isFinalBlock: true);
                    i += read;
                    _pos += written;
                    if (status == OperationStatus.DestinationTooSmall)
                    {
                        Flush();
                    }
                }

                if (i == length)
                {
                    break;
                }

                if (_buffer.Length - _pos < MaxBytesPerChar)
                {
                    Flush();
                }

                char c = text[i++];
                if (c < 0x80)
                {
                    WriteEscapedAscii(c, rowIndex, attributeName, isName);
                }
                else
                {
                    WriteUnicodeEscape(c);
                }
            }
        }

        /// <summary>The index of the next character Go escapes at or after <paramref name="start"/>, or the text's length.</summary>
        private static int IndexOfEscape(string text, int start)
        {
            ReadOnlySpan<char> rest = text.AsSpan(start);
            int ascii = rest.IndexOfAny(s_asciiEscapes);
            ReadOnlySpan<char> before = ascii < 0 ? rest : rest.Slice(0, ascii);
            int separator = before.IndexOfAnyInRange('\u2028', '\u2029');
            int found = separator >= 0 ? separator : ascii;
            return found < 0 ? text.Length : start + found;
        }
#endif

        private void WriteCharsScalar(string text, int rowIndex, string attributeName, bool isName)
        {
            bool[] plain = s_plainAscii;
            int i = 0;
            int length = text.Length;
            while (i < length)
            {
                if (_buffer.Length - _pos < MaxBytesPerChar)
                {
                    Flush();
                }

                // Runs of ASCII that need no escaping are copied straight into the buffer.
                byte[] buffer = _buffer;
                int pos = _pos;
                int end = i + Math.Min(length - i, buffer.Length - pos);
                while (i < end)
                {
                    char c = text[i];
                    if (c >= 0x80 || !plain[c])
                    {
                        break;
                    }

                    buffer[pos++] = (byte)c;
                    i++;
                }

                _pos = pos;

                // Then everything else, one character at a time, until plain ASCII resumes or the buffer is nearly full.
                while (i < length && _buffer.Length - _pos >= MaxBytesPerChar)
                {
                    char c = text[i];
                    if (c < 0x80)
                    {
                        if (plain[c])
                        {
                            break;
                        }

                        WriteEscapedAscii(c, rowIndex, attributeName, isName);
                        i++;
                    }
                    else
                    {
                        i = WriteNonAscii(text, i);
                    }
                }
            }
        }

        private void WriteEscapedAscii(char c, int rowIndex, string attributeName, bool isName)
        {
            byte[] buffer = _buffer;
            switch (c)
            {
                case '"':
                case '\\':
                    buffer[_pos++] = (byte)'\\';
                    buffer[_pos++] = (byte)c;
                    return;
                case '\n':
                    buffer[_pos++] = (byte)'\\';
                    buffer[_pos++] = (byte)'n';
                    return;
                case '\r':
                    buffer[_pos++] = (byte)'\\';
                    buffer[_pos++] = (byte)'r';
                    return;
                case '\t':
                    buffer[_pos++] = (byte)'\\';
                    buffer[_pos++] = (byte)'t';
                    return;
                case '\b':
                case '\f':
                    throw UnstableEscape(c, rowIndex, attributeName, isName);
                default:
                    // Other control characters and the HTML-sensitive < > &, as \u00xx with lower-case hex.
                    WriteUnicodeEscape(c);
                    return;
            }
        }

        private int WriteNonAscii(string text, int i)
        {
            byte[] buffer = _buffer;
            int c = text[i];
            if (c < 0x800)
            {
                buffer[_pos++] = (byte)(0xC0 | (c >> 6));
                buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
                return i + 1;
            }

            if (IsSurrogate((char)c))
            {
                if (c <= 0xDBFF && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    buffer[_pos++] = (byte)(0xF0 | (codePoint >> 18));
                    buffer[_pos++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                    buffer[_pos++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                    buffer[_pos++] = (byte)(0x80 | (codePoint & 0x3F));
                    return i + 2;
                }

                c = ReplacementChar;
            }
            else if (c is 0x2028 or 0x2029)
            {
                WriteUnicodeEscape((char)c);
                return i + 1;
            }

            buffer[_pos++] = (byte)(0xE0 | (c >> 12));
            buffer[_pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
            buffer[_pos++] = (byte)(0x80 | (c & 0x3F));
            return i + 1;
        }

        private void WriteUnicodeEscape(char c)
        {
            byte[] buffer = _buffer;
            byte[] hex = s_hex;
            buffer[_pos++] = (byte)'\\';
            buffer[_pos++] = (byte)'u';
            buffer[_pos++] = hex[c >> 12];
            buffer[_pos++] = hex[(c >> 8) & 0xF];
            buffer[_pos++] = hex[(c >> 4) & 0xF];
            buffer[_pos++] = hex[c & 0xF];
        }

        private void WriteByte(byte value)
        {
            if (_pos == _buffer.Length)
            {
                Flush();
            }

            _buffer[_pos++] = value;
        }

        private void WriteAscii(string text)
        {
            foreach (char c in text)
            {
                WriteByte((byte)c);
            }
        }

        private void Flush()
        {
            if (_pos > 0)
            {
                _sink.Write(_buffer, _pos);
                _flushed += _pos;
                _pos = 0;
            }
        }
    }

    /// <summary>For each ASCII character, whether Go writes it as is.</summary>
    private static bool[] PlainAsciiTable()
    {
        var table = new bool[0x80];
        for (char c = ' '; c <= '\u007F'; c++)
        {
            table[c] = !NeedsAsciiEscape(c);
        }

        return table;
    }

#if NET8_0_OR_GREATER
    private static string AsciiEscapeChars()
    {
        var chars = new StringBuilder(40);
        for (char c = '\0'; c < 0x80; c++)
        {
            if (c < ' ' || NeedsAsciiEscape(c))
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
#endif

    // Go's encoding/json escapes these printable ASCII characters (with HTML escaping on, as json.Marshal has it).
    private static bool NeedsAsciiEscape(char c) => c is '"' or '\\' or '<' or '>' or '&';

    private static ArgumentException UnstableEscape(char c, int rowIndex, string attributeName, bool isName)
    {
        string character = c == '\b' ? "U+0008 (backspace)" : "U+000C (form feed)";
        string where = isName ? "the attribute name" : "the value";
        return new ArgumentException(
            $"Row {rowIndex}, attribute \"{DisplayName(attributeName)}\": {where} contains {character}. "
            + "The SSM Agent escapes U+0008 and U+000C differently depending on the Go version it was built with "
            + "(\\u0008 and \\u000c before Go 1.22, \\b and \\f since), so no ContentHash can be guaranteed to match the agent's. "
            + "Remove or replace the character.",
            "content");
    }

    private static ArgumentException DuplicateNames(int rowIndex, string first, string second) =>
        new(
            $"Row {rowIndex}: the attribute names \"{DisplayName(first)}\" and \"{DisplayName(second)}\" are the same "
            + "once lone surrogates are replaced by U+FFFD, as the SSM Agent's JSON decoder does. Rename one of them.",
            "content");

    /// <summary>An attribute name made readable in a message: control characters and lone surrogates as \uXXXX.</summary>
    private static string DisplayName(string name)
    {
        StringBuilder? result = null;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]);
            if (c < ' ' || c == '\u007F' || (IsSurrogate(c) && !pair))
            {
                result ??= new StringBuilder(name, 0, i, name.Length + 8);
                result.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                continue;
            }

            result?.Append(c);
            if (pair)
            {
                i++;
                result?.Append(name[i]);
            }
        }

        return result?.ToString() ?? name;
    }
}
