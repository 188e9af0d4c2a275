using System.Globalization;
using SsmInventory.Generator.Model;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Tries an <c>[InventoryFormat]</c> the way the runtime uses it: format sample values with the invariant culture and
/// parse the text back with the same format. DateOnly and TimeOnly formats are tried on <see cref="DateTime"/>, which
/// shares their format specifiers, because the analyzer host may not have those types.
/// </summary>
internal static class FormatRoundTrip
{
    private static readonly DateTime[] s_dates =
    [
        new DateTime(2024, 2, 29, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234567),
        new DateTime(2001, 9, 3, 4, 5, 6, DateTimeKind.Utc),
    ];

    private static readonly TimeSpan[] s_spans = [new TimeSpan(12, 3, 4, 5, 678), TimeSpan.Zero, TimeSpan.FromTicks(-1)];

    /// <summary>Null when the format round-trips the samples; otherwise what goes wrong.</summary>
    public static string? Check(string format, ValueKind kind)
    {
        try
        {
            return kind == ValueKind.TimeSpan ? CheckTimeSpan(format) : CheckDate(format, kind);
        }
        catch (FormatException)
        {
            return "it is not a valid format string";
        }
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
