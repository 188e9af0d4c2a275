using System.Globalization;
using System.Text;

namespace SsmInventory.Generator.Emit;

/// <summary>Writes user strings as C# string literals. Everything outside printable ASCII is a \u escape, so no user text
/// can end the literal, start a comment or change how the file is read.</summary>
internal static class CSharpLiteral
{
    public static string String(string value)
    {
        var literal = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    literal.Append("\\\"");
                    break;
                case '\\':
                    literal.Append("\\\\");
                    break;
                case >= ' ' and <= '~':
                    literal.Append(c);
                    break;
                default:
                    literal.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        return literal.Append('"').ToString();
    }
}
