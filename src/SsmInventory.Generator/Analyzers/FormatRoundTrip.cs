using System.Globalization;
using SsmInventory.Generator.Model;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Tries an <c>[InventoryFormat]</c> the way the runtime uses it: format sample values with the invariant culture and
/// parse the text back with the same format. DateOnly and TimeOnly formats are tried on <see cref="DateTime"/>, which
/// shares their format specifiers, because the analyzer host may not have those types; the specifiers DateOnly and
/// TimeOnly refuse (a time part in a date, a date part in a time) are checked separately, as .NET does.
/// </summary>
internal static class FormatRoundTrip
{
    private static readonly DateTime[] s_dates =
    [
        new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234567),
        new DateTime(2001, 9, 3, 4, 5, 6, DateTimeKind.Utc),
    ];

    private static readonly TimeSpan[] s_spans = [new TimeSpan(12, 3, 4, 5, 678), TimeSpan.Zero, TimeSpan.FromTicks(-1)];

    // What DateOnly.ToString and TimeOnly.ToString throw FormatException for (.NET's IsValidCustomDateOnlyFormat and
    // IsValidCustomTimeOnlyFormat), and the standard formats each accepts.
    private const string NotInDateOnly = "tfFhHmszK:";
    private const string NotInTimeOnly = "dMy/zk";
    private const string DateOnlyStandard = "dDmMoOrRyY";
    private const string TimeOnlyStandard = "tToOrR";

    /// <summary>Null when the format round-trips the samples; otherwise what goes wrong.</summary>
    public static string? Check(string format, ValueKind kind)
    {
        if (kind is ValueKind.DateOnly or ValueKind.TimeOnly && CheckDateOrTimeOnly(format, kind) is { } refused)
        {
            return refused;
        }

        try
        {
            return kind == ValueKind.TimeSpan ? CheckTimeSpan(format) : CheckDate(format, kind);
        }
        catch (FormatException)
        {
            return "it is not a valid format string";
        }
    }

    private static string? CheckDateOrTimeOnly(string format, ValueKind kind)
    {
        bool dateOnly = kind == ValueKind.DateOnly;
        if (format.Length == 1)
        {
            return (dateOnly ? DateOnlyStandard : TimeOnlyStandard).IndexOf(format[0]) >= 0
                ? null
                : $"'{format}' is not a standard format of {kind}";
        }

        string refused = dateOnly ? NotInDateOnly : NotInTimeOnly;
        for (int i = 0; i < format.Length; i++)
        {
            char c = format[i];
            if (c == '\\')
            {
                i++;
            }
            else if (c is '\'' or '"')
            {
                // Quoted literal text, in which a backslash still escapes the next character.
                for (i++; i < format.Length && format[i] != c; i++)
                {
                    if (format[i] == '\\')
                    {
                        i++;
                    }
                }
            }
            else if (refused.IndexOf(c) >= 0)
            {
                return dateOnly
                    ? $"'{c}' is part of a time, which a DateOnly cannot format"
                    : $"'{c}' is part of a date, which a TimeOnly cannot format";
            }
        }

        return null;
    }

    private static string? CheckDate(string format, ValueKind kind)
    {
        foreach (DateTime sample in s_dates)
        {
            string text = kind == ValueKind.DateTimeOffset
                ? new DateTimeOffset(sample).ToString(format, CultureInfo.InvariantCulture)
                : sample.ToString(format, CultureInfo.InvariantCulture);
            bool parsed = kind == ValueKind.DateTimeOffset
                ? DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
                : DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
            if (!parsed)
            {
                return $"the value it writes (\"{text}\") cannot be read back with the same format";
            }
        }

        return null;
    }

    private static string? CheckTimeSpan(string format)
    {
        foreach (TimeSpan sample in s_spans)
        {
            string text = sample.ToString(format, CultureInfo.InvariantCulture);
            if (!TimeSpan.TryParseExact(text, format, CultureInfo.InvariantCulture, out _))
            {
                return $"the value it writes (\"{text}\") cannot be read back with the same format";
            }
        }

        return null;
    }
}
