using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SsmInventory.AgentFiles;

/// <summary>
/// The file a TypeName is written to: letters, digits and '-' kept, everything else '_', then the first 8 hex digits
/// of the SHA-256 of the TypeName so that names which sanitise alike stay apart. The result has no path separator and
/// no dot before <c>.json</c>, so a TypeName such as <c>Custom:../../x</c> can never leave the folder.
/// </summary>
internal static class AgentFileName
{
    public const string Extension = ".json";

    public static string For(string typeName)
    {
        var name = new StringBuilder(typeName.Length + 16);
        foreach (char c in typeName)
        {
            name.Append(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' ? c : '_');
        }

        using SHA256 sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(typeName));
        name.Append('-');
        for (int i = 0; i < 4; i++)
        {
            name.Append(digest[i].ToString("x2", CultureInfo.InvariantCulture));
        }

        return name.Append(Extension).ToString();
    }

    /// <summary>True for a name <see cref="For"/> could have produced: <c>[A-Za-z0-9_-]+-xxxxxxxx.json</c>.</summary>
    public static bool IsOwnFileName(string name)
    {
        const int HashLength = 8;
        int stem = name.Length - Extension.Length;
        if (stem <= HashLength + 1 || !IsReadByAgent(name) || name[stem - HashLength - 1] != '-')
        {
            return false;
        }

        for (int i = 0; i < stem; i++)
        {
            char c = name[i];
            bool allowed = i >= stem - HashLength
                ? c is (>= '0' and <= '9') or (>= 'a' and <= 'f')
                : c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_';
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the names the agent reads: ending in exactly <c>.json</c>, lower case.</summary>
    public static bool IsReadByAgent(string fileName) => fileName.EndsWith(Extension, StringComparison.Ordinal);
}
