using System.Text;

namespace SsmInventory.Tests;

/// <summary>
/// Go's <c>json.Marshal</c> of SSM Content, the text ContentHash is the MD5 of, written the obvious way from the rules
/// of the reference page: a whole JSON string. The tests compare <c>InventoryContentHash</c> with it, and the benchmarks
/// (which link this file) hash its bytes for the raw MD5 baseline. <c>beforeGo122</c> writes U+0008 and U+000C as Go
/// before 1.22 did (<c>\u0008</c>, <c>\u000c</c>) instead of <c>\b</c> and <c>\f</c>: what an SSM Agent built with an older
/// Go hashes.
/// </summary>
internal static class ReferenceEncoder
{
    public static string ReplaceLoneSurrogates(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    public static string Json(IReadOnlyList<IReadOnlyDictionary<string, string>> rows, bool beforeGo122 = false)
    {
        if (rows.Count == 0)
        {
            return "null";
        }

        var json = new StringBuilder("[");
        foreach (IReadOnlyDictionary<string, string> row in rows)
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('{');
            var attributes = row
                .Select(a => (Key: ReplaceLoneSurrogates(a.Key), Value: ReplaceLoneSurrogates(a.Value)))
                .OrderBy(a => Encoding.UTF8.GetBytes(a.Key), Utf8BytesComparer.Instance)
                .ToList();
            for (int i = 0; i < attributes.Count; i++)
            {
                if (i > 0)
                {
                    json.Append(',');
                }

                AppendQuoted(json, attributes[i].Key, beforeGo122);
                json.Append(':');
                AppendQuoted(json, attributes[i].Value, beforeGo122);
            }

            json.Append('}');
        }

        return json.Append(']').ToString();
    }

    private static void AppendQuoted(StringBuilder json, string text, bool beforeGo122)
    {
        json.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '\b' when !beforeGo122: json.Append("\\b"); break;
                case '\f' when !beforeGo122: json.Append("\\f"); break;
                case '<': json.Append("\\u003c"); break;
                case '>': json.Append("\\u003e"); break;
                case '&': json.Append("\\u0026"); break;
                case '\u2028': json.Append("\\u2028"); break;
                case '\u2029': json.Append("\\u2029"); break;
                case < ' ': json.Append("\\u00").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }

    private sealed class Utf8BytesComparer : IComparer<byte[]>
    {
        public static readonly Utf8BytesComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
