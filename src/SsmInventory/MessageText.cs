using System.Globalization;
using System.Text;

namespace SsmInventory;

/// <summary>Quotes text from user data in exception messages, so a message always stays one readable line.</summary>
internal static class MessageText
{
    /// <summary>
    /// <paramref name="text"/> in double quotes, with control characters, quotes, backslashes and lone surrogates as
    /// <c>\uXXXX</c>, shortened to <paramref name="maxLength"/> characters with the full length noted; <c>null</c> when null.
    /// </summary>
    public static string Quote(string? text, int maxLength)
    {
        if (text is null)
        {
            return "null";
        }

        int length = Math.Min(text.Length, maxLength);
        var quoted = new StringBuilder(length + 2).Append('"');
        for (int i = 0; i < length; i++)
        {
            char c = text[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (char.IsControl(c) || c is '"' or '\\' || (char.IsSurrogate(c) && !pair))
            {
                quoted.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                quoted.Append(c);
                if (pair)
                {
                    quoted.Append(text[++i]);
                }
            }
        }

        quoted.Append('"');
        if (text.Length > maxLength)
        {
            quoted.Append("… (").Append(text.Length).Append(" characters)");
        }

        return quoted.ToString();
    }
}
