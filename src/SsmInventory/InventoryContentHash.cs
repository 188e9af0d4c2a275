using System.Buffers;
using System.Globalization;
#if NET8_0_OR_GREATER
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif
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

    // The longest encoding of one UTF-16 code unit or surrogate pair: a \u2028-style escape.
    private const int MaxBytesPerChar = 6;

    private static readonly byte[] s_hex = Encoding.ASCII.GetBytes("0123456789abcdef");

    private static readonly bool[] s_plainAscii = PlainAsciiTable();

    /// <summary>
    /// Base64(MD5(Go json.Marshal of the rows)), 24 chars. Empty list hashes the 4 bytes "null".
    /// </summary>
    /// <remarks>
    /// <para>Attributes are written in the order of their names' UTF-8 bytes, and lone surrogates become U+FFFD first,
    /// as the agent's JSON decoder does.</para>
    /// <para>U+0008 and U+000C are written as <c>\b</c> and <c>\f</c>, as Go 1.22 and later escape them and as current
    /// SSM Agent releases are built (agent release notes: "Upgrade GoLang to version 1.22.7"). An agent built with an
    /// older Go writes <c>\u0008</c> and <c>\u000c</c>, so its hash of content holding them differs from this one,
    /// which costs one full resend of that content.</para>
    /// </remarks>
    /// <param name="content">The Content rows; a single-object Content is a one-row list.</param>
    /// <returns>The 24-character ContentHash.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// A row, an attribute name or a value is null, or two names of one row are equal once lone surrogates are replaced.
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

        // What precedes each value of a row with the sorted names, encoded once per sort: a comma (but not before the
        // first), the quoted name, a colon and the value's opening quote. Those of sorted name i end at _nameEnds[i].
        private byte[] _nameBytes;
        private int[] _nameEnds;

        public Writer(TSink sink)
        {
            _sink = sink;
            _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
            _names = [];
            _values = [];
            _sortedNames = [];
            _order = [];
            _sortedCount = -1;
            _nameBytes = [];
            _nameEnds = [];
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
            Return(ref _nameBytes, clear: false);
            Return(ref _nameEnds, clear: false);
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
                throw NullRow(rowIndex);
            }

            int count = CollectAttributes(row, rowIndex);
            if (!HasSameNamesAsSorted(count))
            {
                SortNames(count, rowIndex);
            }

            string[] sortedNames = _sortedNames;
            string?[] values = _values;
            int[] order = _order;
            int[] nameEnds = _nameEnds;
            WriteByte((byte)'{');
            int nameStart = 0;
            for (int i = 0; i < count; i++)
            {
                string value = values[order[i]]
                    ?? throw new ArgumentException(
                        $"Row {rowIndex}, attribute \"{DisplayName(sortedNames[i])}\": the value is null. "
                        + "Attribute values are strings; leave the attribute out instead.",
                        "content");

                WriteBytes(_nameBytes, nameStart, nameEnds[i] - nameStart);
                nameStart = nameEnds[i];
                WriteChars(value);
                WriteByte((byte)'"');
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

            EncodeNames(count);
            _sortedCount = count;
        }

        /// <summary>Fills <see cref="_nameBytes"/> and <see cref="_nameEnds"/> for the sorted names.</summary>
        private void EncodeNames(int count)
        {
            Grow(ref _nameEnds, count, clear: false);
            int pos = 0;
            for (int i = 0; i < count; i++)
            {
                string name = _sortedNames[i];

                // Room for the punctuation and the name as plain ASCII. Whatever takes more grows the array as it goes.
                Grow(ref _nameBytes, pos + name.Length + 5, clear: false);
                if (i > 0)
                {
                    _nameBytes[pos++] = (byte)',';
                }

                _nameBytes[pos++] = (byte)'"';
                int index = 0;
                while (true)
                {
                    pos = EncodeChars(name, ref index, _nameBytes, pos);
                    if (index == name.Length)
                    {
                        break;
                    }

                    Grow(ref _nameBytes, _nameBytes.Length + MaxBytesPerChar, clear: false);
                }

                Grow(ref _nameBytes, pos + 3, clear: false);
                _nameBytes[pos++] = (byte)'"';
                _nameBytes[pos++] = (byte)':';
                _nameBytes[pos++] = (byte)'"';
                _nameEnds[i] = pos;
            }
        }

        /// <summary>Writes a value's characters, without its quotes.</summary>
        private void WriteChars(string value)
        {
            int index = 0;
            while (true)
            {
                _pos = EncodeChars(value, ref index, _buffer, _pos);
                if (index == value.Length)
                {
                    return;
                }

                Flush();
            }
        }

        private void WriteBytes(byte[] source, int start, int count)
        {
            while (true)
            {
                int chunk = Math.Min(count, _buffer.Length - _pos);
                Buffer.BlockCopy(source, start, _buffer, _pos, chunk);
                _pos += chunk;
                if (chunk == count)
                {
                    return;
                }

                start += chunk;
                count -= chunk;
                Flush();
            }
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

    /// <summary>
    /// Writes Go's encoding of <paramref name="text"/>, from <paramref name="index"/> on and without quotes, into
    /// <paramref name="destination"/> at <paramref name="pos"/>, until the text ends or fewer than
    /// <see cref="MaxBytesPerChar"/> bytes are left. Surrogate pairs are never split.
    /// </summary>
    /// <returns>The position after the last byte written.</returns>
    private static int EncodeChars(string text, ref int index, byte[] destination, int pos)
    {
        bool[] plain = s_plainAscii;
        int i = index;
        int length = text.Length;
        while (i < length && destination.Length - pos >= MaxBytesPerChar)
        {
            // Runs of ASCII that need no escaping are copied as they are.
            int end = i + Math.Min(length - i, destination.Length - pos);
#if NET8_0_OR_GREATER
            i = CopyPlainAsciiBlocks(text, i, end, destination, ref pos);
#endif
            while (i < end)
            {
                char c = text[i];
                if (c >= 0x80 || !plain[c])
                {
                    break;
                }

                destination[pos++] = (byte)c;
                i++;
            }

            // Then everything else, one character at a time, until plain ASCII resumes or the destination is nearly full.
            while (i < length && destination.Length - pos >= MaxBytesPerChar)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    if (plain[c])
                    {
                        break;
                    }

                    pos = WriteEscapedAscii(c, destination, pos);
                    i++;
                }
                else
                {
                    pos = WriteNonAscii(text, ref i, destination, pos);
                }
            }
        }

        index = i;
        return pos;
    }

#if NET8_0_OR_GREATER
    /// <summary>
    /// Copies plain ASCII from <paramref name="text"/>[<paramref name="index"/>..<paramref name="end"/>) in blocks of 16
    /// characters, if there are at least 16. The last block ends at <paramref name="end"/>, so it may overlap characters
    /// the previous one copied, which it copies again to the same bytes. At the first block that holds any other
    /// character, copies only the characters before that one and stops.
    /// </summary>
    /// <remarks>Blocks are stored whole, so <paramref name="destination"/> needs room for end - index bytes.</remarks>
    /// <returns>The index of the first character not copied.</returns>
    private static int CopyPlainAsciiBlocks(string text, int index, int end, byte[] destination, ref int pos)
    {
        if (!Vector128.IsHardwareAccelerated || end - index < Vector128<byte>.Count)
        {
            return index;
        }

        ref ushort source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
        ref byte target = ref MemoryMarshal.GetArrayDataReference(destination);
        while (true)
        {
            int block = Math.Min(index, end - Vector128<byte>.Count);
            int overlap = index - block;
            Vector128<byte> bytes = Vector128.Narrow(
                ClampToByte(Vector128.LoadUnsafe(ref source, (nuint)block)),
                ClampToByte(Vector128.LoadUnsafe(ref source, (nuint)(block + Vector128<ushort>.Count))));
            bytes.StoreUnsafe(ref target, (nuint)(pos - overlap));
            uint found = FindOtherThanPlain(bytes);
            int copied = (found == 0 ? Vector128<byte>.Count : BitOperations.TrailingZeroCount(found)) - overlap;
            index += copied;
            pos += copied;
            if (found != 0 || index == end)
            {
                return index;
            }
        }
    }

    /// <summary>Characters from U+0080 up become 0x80, rather than wrap around onto ASCII when narrowed.</summary>
    private static Vector128<ushort> ClampToByte(Vector128<ushort> chars) => Vector128.Min(chars, Vector128.Create((ushort)0x80));

    /// <summary>A bit for each byte of <paramref name="block"/> that is not plain ASCII, as <see cref="s_plainAscii"/> has it.</summary>
    private static uint FindOtherThanPlain(Vector128<byte> block)
    {
        // Control characters, and 0x80 as it is negative as a signed byte, are less than a space. The others are the
        // characters NeedsAsciiEscape lists.
        Vector128<byte> other = Vector128.LessThan(block.AsSByte(), Vector128.Create((sbyte)' ')).AsByte()
            | Vector128.Equals(block, Vector128.Create((byte)'"'))
            | Vector128.Equals(block, Vector128.Create((byte)'\\'))
            | Vector128.Equals(block, Vector128.Create((byte)'<'))
            | Vector128.Equals(block, Vector128.Create((byte)'>'))
            | Vector128.Equals(block, Vector128.Create((byte)'&'));
        return other.ExtractMostSignificantBits();
    }
#endif

    private static int WriteEscapedAscii(char c, byte[] destination, int pos)
    {
        switch (c)
        {
            case '"':
            case '\\':
                return WriteBackslashed((byte)c, destination, pos);
            case '\n':
                return WriteBackslashed((byte)'n', destination, pos);
            case '\r':
                return WriteBackslashed((byte)'r', destination, pos);
            case '\t':
                return WriteBackslashed((byte)'t', destination, pos);
            case '\b':
                // Go 1.22 and later (current SSM Agent releases); older Go wrote \u0008 and \u000c.
                return WriteBackslashed((byte)'b', destination, pos);
            case '\f':
                return WriteBackslashed((byte)'f', destination, pos);
            default:
                // Other control characters and the HTML-sensitive < > &, as \u00xx with lower-case hex.
                return WriteUnicodeEscape(c, destination, pos);
        }
    }

    private static int WriteBackslashed(byte escaped, byte[] destination, int pos)
    {
        destination[pos] = (byte)'\\';
        destination[pos + 1] = escaped;
        return pos + 2;
    }

    private static int WriteNonAscii(string text, ref int i, byte[] destination, int pos)
    {
        int c = text[i++];
        if (c < 0x800)
        {
            destination[pos++] = (byte)(0xC0 | (c >> 6));
            destination[pos++] = (byte)(0x80 | (c & 0x3F));
            return pos;
        }

        if (IsSurrogate((char)c))
        {
            if (c <= 0xDBFF && i < text.Length && char.IsLowSurrogate(text[i]))
            {
                int codePoint = 0x10000 + ((c - 0xD800) << 10) + (text[i++] - 0xDC00);
                destination[pos++] = (byte)(0xF0 | (codePoint >> 18));
                destination[pos++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                destination[pos++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                destination[pos++] = (byte)(0x80 | (codePoint & 0x3F));
                return pos;
            }

            c = ReplacementChar;
        }
        else if (c is 0x2028 or 0x2029)
        {
            return WriteUnicodeEscape((char)c, destination, pos);
        }

        destination[pos++] = (byte)(0xE0 | (c >> 12));
        destination[pos++] = (byte)(0x80 | ((c >> 6) & 0x3F));
        destination[pos++] = (byte)(0x80 | (c & 0x3F));
        return pos;
    }

    private static int WriteUnicodeEscape(char c, byte[] destination, int pos)
    {
        byte[] hex = s_hex;
        destination[pos++] = (byte)'\\';
        destination[pos++] = (byte)'u';
        destination[pos++] = hex[c >> 12];
        destination[pos++] = hex[(c >> 8) & 0xF];
        destination[pos++] = hex[(c >> 4) & 0xF];
        destination[pos++] = hex[c & 0xF];
        return pos;
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

    // Go's encoding/json escapes these printable ASCII characters (with HTML escaping on, as json.Marshal has it).
    private static bool NeedsAsciiEscape(char c) => c is '"' or '\\' or '<' or '>' or '&';

    internal static ArgumentException NullRow(int rowIndex) => new($"Row {rowIndex} of the content is null.", "content");

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
