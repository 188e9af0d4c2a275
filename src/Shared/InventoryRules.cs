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

    /// <summary>
    /// True when <paramref name="instanceId"/> matches <c>(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)</c> exactly, where <c>\w</c> is
    /// ASCII-only (<c>[A-Za-z0-9_]</c>, the service's ECMAScript reading; .NET's <c>\w</c> would also accept other scripts' letters).
    /// </summary>
    public static bool IsValidInstanceId(string? instanceId)
    {
        if (instanceId is null)
        {
            return false;
        }

        if (instanceId.StartsWith(InventoryLimits.ManagedInstanceIdPrefix, StringComparison.Ordinal))
        {
            return IsAsciiWord(instanceId, InventoryLimits.ManagedInstanceIdPrefix.Length, InventoryLimits.LongInstanceIdSuffixLength);
        }

        return instanceId.StartsWith(InventoryLimits.Ec2InstanceIdPrefix, StringComparison.Ordinal)
            && (IsAsciiWord(instanceId, InventoryLimits.Ec2InstanceIdPrefix.Length, InventoryLimits.ShortInstanceIdSuffixLength)
                || IsAsciiWord(instanceId, InventoryLimits.Ec2InstanceIdPrefix.Length, InventoryLimits.LongInstanceIdSuffixLength));
    }

    /// <summary>
    /// True when the name after the TypeName's prefix starts with a capital letter (A-Z), as the user guide requires
    /// ("Custom" and the name after the colon both start with a capital letter). ASCII only: the strictest reading.
    /// </summary>
    public static bool IsCapitalizedTypeName(string typeName)
    {
        int colon = typeName.IndexOf(':');
        return colon >= 0 && colon + 1 < typeName.Length && typeName[colon + 1] is >= 'A' and <= 'Z';
    }

    /// <summary>
    /// True when <paramref name="captureTime"/> is <c>yyyy-MM-ddTHH:mm:ssZ</c>, a real UTC date and time in the years the
    /// model's pattern allows (2000-2099).
    /// </summary>
    public static bool IsValidCaptureTime(string? captureTime) =>
        captureTime is not null
        && DateTime.TryParseExact(
            captureTime,
            InventoryLimits.CaptureTimeFormat,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal,
            out DateTime parsed)
        && parsed.Year >= InventoryLimits.MinCaptureTimeYear
        && parsed.Year <= InventoryLimits.MaxCaptureTimeYear;

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

    private static bool IsAsciiWord(string text, int start, int length)
    {
        if (text.Length != start + length)
        {
            return false;
        }

        for (int i = start; i < text.Length; i++)
        {
            char c = text[i];
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return false;
            }
        }

        return true;
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
