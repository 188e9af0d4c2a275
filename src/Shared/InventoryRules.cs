// Pure checks shared by the runtime and the analyzers (linked into both), so that each rule is written once.
namespace SsmInventory;

internal static class InventoryRules
{
    /// <summary>
    /// True when <paramref name="version"/> matches <c>^([0-9]{1,6})(\.[0-9]{1,6})$</c> exactly.
    /// Checked by hand because .NET's <c>$</c> also matches before a trailing newline, which the service rejects.
    /// </summary>
    public static bool IsValidSchemaVersion(string? version)
    {
        if (version is null)
        {
            return false;
        }

        int dot = version.IndexOf('.');
        return dot > 0
            && IsDigits(version, 0, dot)
            && IsDigits(version, dot + 1, version.Length - dot - 1);
    }

    /// <summary>The number of UTF-8 bytes <paramref name="value"/> encodes to; a lone surrogate counts as U+FFFD (3 bytes).</summary>
    public static int Utf8ByteCount(string value)
    {
        int count = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c < 0x80)
            {
                count += 1;
            }
            else if (c < 0x800)
            {
                count += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                count += 4;
                i++;
            }
            else
            {
                count += 3;
            }
        }

        return count;
    }

    private static bool IsDigits(string text, int start, int length)
    {
        if (length < 1 || length > InventoryLimits.MaxSchemaVersionPartDigits)
        {
            return false;
        }

        for (int i = start; i < start + length; i++)
        {
            if (text[i] < '0' || text[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
