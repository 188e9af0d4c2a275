using System.ComponentModel;
using System.Globalization;

namespace SsmInventory.Metadata;

/// <summary>
/// The invariant, round-tripping conversions between .NET values and SSM attribute values that generated code calls.
/// Numbers use the shortest form that parses back to the same value; dates default to the AWS style
/// <c>yyyy-MM-ddTHH:mm:ssZ</c> (UTC, whole seconds).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class InventoryValue
{
    /// <summary>The AWS date style: UTC to the second, with a literal <c>Z</c>.</summary>
    public const string AwsDateTimeFormat = InventoryLimits.CaptureTimeFormat;

    private const string DateOnlyFormat = "yyyy'-'MM'-'dd";
#if NET8_0_OR_GREATER
    private const string TimeOnlyFormat = "HH':'mm':'ss'.'FFFFFFF";

    // The fraction's F digits print nothing for whole seconds and the dot before them disappears too, so both forms are read.
    private static readonly string[] s_timeOnlyFormats = ["HH':'mm':'ss", TimeOnlyFormat];
#endif
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
    private const DateTimeStyles UtcStyle = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;

    // What the reader accepts for a date without a chosen format: the AWS style first, then ISO 8601 with fractions or offsets.
    private static readonly string[] s_isoDateTimeFormats =
    [
        AwsDateTimeFormat,
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFF'Z'",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ssK",
        "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK",
        DateOnlyFormat,
    ];

    private static CultureInfo Invariant => CultureInfo.InvariantCulture;

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static string Format(bool value) => value ? "true" : "false";

    /// <summary>Reads <c>true</c> or <c>false</c>, ignoring case.</summary>
    public static bool TryParse(string text, out bool value)
    {
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Writes the character as a one-character string.</summary>
    public static string Format(char value) => value.ToString();

    /// <summary>Reads a one-character string.</summary>
    public static bool TryParse(string text, out char value)
    {
        value = text.Length == 1 ? text[0] : default;
        return text.Length == 1;
    }

    /// <summary>Writes an integer in invariant decimal digits.</summary>
    public static string Format(sbyte value) => value.ToString(Invariant);

    /// <summary>Reads an integer written in invariant decimal digits.</summary>
    public static bool TryParse(string text, out sbyte value) => sbyte.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(byte value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out byte value) => byte.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(short value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out short value) => short.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(ushort value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out ushort value) => ushort.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(int value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out int value) => int.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(uint value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out uint value) => uint.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(long value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out long value) => long.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(ulong value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out ulong value) => ulong.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(IntPtr value) => ((long)value).ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out IntPtr value)
    {
        value = default;
        if (!long.TryParse(text, IntegerStyle, Invariant, out long parsed) || (IntPtr.Size == 4 && (parsed < int.MinValue || parsed > int.MaxValue)))
        {
            return false;
        }

        value = (IntPtr)parsed;
        return true;
    }

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(UIntPtr value) => ((ulong)value).ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out UIntPtr value)
    {
        value = default;
        if (!ulong.TryParse(text, IntegerStyle, Invariant, out ulong parsed) || (UIntPtr.Size == 4 && parsed > uint.MaxValue))
        {
            return false;
        }

        value = (UIntPtr)parsed;
        return true;
    }

#if NET8_0_OR_GREATER
    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(Int128 value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out Int128 value) => Int128.TryParse(text, IntegerStyle, Invariant, out value);

    /// <inheritdoc cref="Format(sbyte)"/>
    public static string Format(UInt128 value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out sbyte)"/>
    public static bool TryParse(string text, out UInt128 value) => UInt128.TryParse(text, IntegerStyle, Invariant, out value);
#endif

    /// <summary>Writes the shortest invariant text that reads back to the same value (<c>NaN</c> and <c>Infinity</c> included).</summary>
    public static string Format(float value)
    {
#if NET8_0_OR_GREATER
        return value.ToString("R", Invariant);
#else
        // Before .NET Core 3.0, "R" is not always shortest or exact, so check it and fall back to nine digits.
        string text = value.ToString("R", Invariant);
        return float.Parse(text, FloatStyle, Invariant).Equals(value) ? text : value.ToString("G9", Invariant);
#endif
    }

    /// <summary>Reads an invariant number.</summary>
    public static bool TryParse(string text, out float value) => float.TryParse(text, FloatStyle, Invariant, out value);

    /// <inheritdoc cref="Format(float)"/>
    public static string Format(double value)
    {
#if NET8_0_OR_GREATER
        return value.ToString("R", Invariant);
#else
        string text = value.ToString("R", Invariant);
        return double.Parse(text, FloatStyle, Invariant).Equals(value) ? text : value.ToString("G17", Invariant);
#endif
    }

    /// <inheritdoc cref="TryParse(string, out float)"/>
    public static bool TryParse(string text, out double value) => double.TryParse(text, FloatStyle, Invariant, out value);

    /// <summary>Writes the decimal with its scale, so <c>1.50</c> stays <c>1.50</c>.</summary>
    public static string Format(decimal value) => value.ToString(Invariant);

    /// <inheritdoc cref="TryParse(string, out float)"/>
    public static bool TryParse(string text, out decimal value) => decimal.TryParse(text, FloatStyle, Invariant, out value);

    /// <summary>Writes the lower-case <c>D</c> form.</summary>
    public static string Format(Guid value) => value.ToString("D");

    /// <summary>Reads any of the <see cref="Guid"/> formats.</summary>
    public static bool TryParse(string text, out Guid value) => Guid.TryParse(text, out value);

    /// <summary>Writes the constant (<c>c</c>) format, which keeps every tick.</summary>
    public static string Format(TimeSpan value) => value.ToString("c", Invariant);

    /// <summary>Reads the constant (<c>c</c>) format.</summary>
    public static bool TryParse(string text, out TimeSpan value) => TimeSpan.TryParseExact(text, "c", Invariant, out value);

    /// <summary>Writes the value with the given format.</summary>
    public static string Format(TimeSpan value, string format) => value.ToString(format, Invariant);

    /// <summary>Reads a value written with the given format.</summary>
    public static bool TryParseExact(string text, string format, out TimeSpan value) => TimeSpan.TryParseExact(text, format, Invariant, out value);

    /// <summary>
    /// Writes the AWS style <c>yyyy-MM-ddTHH:mm:ssZ</c>: local times are converted to UTC, unspecified ones are taken
    /// as UTC, and fractions of a second are dropped. Choose <c>[InventoryFormat("O")]</c> to keep them.
    /// </summary>
    public static string Format(DateTime value) => ToUtc(value).ToString(AwsDateTimeFormat, Invariant);

    /// <summary>Reads the AWS style, or ISO 8601 with fractions or an offset, as a UTC <see cref="DateTime"/>.</summary>
    public static bool TryParse(string text, out DateTime value) =>
        DateTime.TryParseExact(text, s_isoDateTimeFormats, Invariant, UtcStyle, out value);

    /// <summary>Writes the value as it is (no conversion to UTC) with the given format.</summary>
    public static string Format(DateTime value, string format) => value.ToString(format, Invariant);

    /// <summary>Reads a value written with the given format, keeping the kind the text states.</summary>
    public static bool TryParseExact(string text, string format, out DateTime value) =>
        DateTime.TryParseExact(text, format, Invariant, DateTimeStyles.RoundtripKind, out value);

    /// <summary>Writes the instant in the AWS style <c>yyyy-MM-ddTHH:mm:ssZ</c>; the offset and fractions of a second are dropped.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(AwsDateTimeFormat, Invariant);

    /// <summary>Reads the AWS style, or ISO 8601 with fractions or an offset.</summary>
    public static bool TryParse(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, s_isoDateTimeFormats, Invariant, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>Writes the value with the given format.</summary>
    public static string Format(DateTimeOffset value, string format) => value.ToString(format, Invariant);

    /// <summary>Reads a value written with the given format; text without an offset is taken as UTC.</summary>
    public static bool TryParseExact(string text, string format, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, format, Invariant, DateTimeStyles.AssumeUniversal, out value);

#if NET8_0_OR_GREATER
    /// <summary>Writes <c>yyyy-MM-dd</c>.</summary>
    public static string Format(DateOnly value) => value.ToString(DateOnlyFormat, Invariant);

    /// <summary>Reads <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParse(string text, out DateOnly value) => DateOnly.TryParseExact(text, DateOnlyFormat, Invariant, DateTimeStyles.None, out value);

    /// <summary>Writes the value with the given format.</summary>
    public static string Format(DateOnly value, string format) => value.ToString(format, Invariant);

    /// <summary>Reads a value written with the given format.</summary>
    public static bool TryParseExact(string text, string format, out DateOnly value) =>
        DateOnly.TryParseExact(text, format, Invariant, DateTimeStyles.None, out value);

    /// <summary>Writes <c>HH:mm:ss</c> with as many fraction digits as the value needs (none for whole seconds).</summary>
    public static string Format(TimeOnly value) => value.ToString(TimeOnlyFormat, Invariant);

    /// <summary>Reads <c>HH:mm:ss</c> with an optional fraction.</summary>
    public static bool TryParse(string text, out TimeOnly value) => TimeOnly.TryParseExact(text, s_timeOnlyFormats, Invariant, DateTimeStyles.None, out value);

    /// <summary>Writes the value with the given format.</summary>
    public static string Format(TimeOnly value, string format) => value.ToString(format, Invariant);

    /// <summary>Reads a value written with the given format.</summary>
    public static bool TryParseExact(string text, string format, out TimeOnly value) =>
        TimeOnly.TryParseExact(text, format, Invariant, DateTimeStyles.None, out value);
#endif

    /// <summary>Writes the URI as it was given (<see cref="Uri.OriginalString"/>).</summary>
    public static string Format(Uri value) => value.OriginalString;

    /// <summary>Reads an absolute or relative URI.</summary>
    public static bool TryParse(string text, out Uri value)
    {
        bool parsed = Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out Uri? uri);
        value = uri!;
        return parsed;
    }

    /// <summary>Writes the version as <see cref="Version.ToString()"/> does.</summary>
    public static string Format(Version value) => value.ToString();

    /// <summary>Reads a version of two to four parts.</summary>
    public static bool TryParse(string text, out Version value)
    {
        bool parsed = Version.TryParse(text, out Version? version);
        value = version!;
        return parsed;
    }

    /// <summary>
    /// Writes a <c>[Flags]</c> value as its member names joined by <c>", "</c>, as <see cref="Enum.ToString()"/> does,
    /// or returns null when the value has bits no member names (the caller then writes the number).
    /// </summary>
    /// <param name="value">The value, converted with an unchecked <c>(ulong)</c> cast.</param>
    /// <param name="members">The enum's members, one per distinct value, in declaration order.</param>
    public static string? FormatFlags(ulong value, InventoryEnumMember[] members)
    {
        foreach (InventoryEnumMember member in members)
        {
            if (member.Value == value)
            {
                return member.Name;
            }
        }

        if (value == 0)
        {
            return null;
        }

        // Largest members first, like Enum.ToString; the names are then listed in ascending value order.
        var picked = new List<string>();
        ulong remaining = value;
        foreach (InventoryEnumMember member in members.OrderByDescending(m => m.Value))
        {
            if (member.Value != 0 && (remaining & member.Value) == member.Value)
            {
                picked.Add(member.Name);
                remaining &= ~member.Value;
            }
        }

        if (remaining != 0)
        {
            return null;
        }

        picked.Reverse();
        return string.Join(", ", picked);
    }

    /// <summary>Reads a <c>[Flags]</c> value: member names and numbers separated by commas.</summary>
    public static bool TryParseFlags(string text, InventoryEnumMember[] members, out ulong value)
    {
        value = 0;
        foreach (string part in text.Split(','))
        {
            string name = part.Trim();
            InventoryEnumMember? match = null;
            foreach (InventoryEnumMember member in members)
            {
                if (string.Equals(member.Name, name, StringComparison.Ordinal))
                {
                    match = member;
                    break;
                }
            }

            if (match is not null)
            {
                value |= match.Value;
            }
            else if (long.TryParse(name, IntegerStyle, Invariant, out long signed))
            {
                value |= unchecked((ulong)signed);
            }
            else if (ulong.TryParse(name, IntegerStyle, Invariant, out ulong unsigned))
            {
                value |= unsigned;
            }
            else
            {
                value = 0;
                return false;
            }
        }

        return true;
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}

/// <summary>One member of an enum, for the <c>[Flags]</c> helpers of <see cref="InventoryValue"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class InventoryEnumMember
{
    /// <summary>Creates the member.</summary>
    public InventoryEnumMember(string name, ulong value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The member's name.</summary>
    public string Name { get; }

    /// <summary>The member's value, converted with an unchecked <c>(ulong)</c> cast.</summary>
    public ulong Value { get; }
}
