using System.Text.RegularExpressions;

namespace SsmInventory.FakeSsm.Validation;

/// <summary>
/// The SSM model's patterns, rewritten for .NET so they match exactly what the service (a Java regex, whole-string match) accepts:
/// <c>\w</c> becomes ASCII <c>[A-Za-z0-9_]</c> (.NET's <c>\w</c> is Unicode), <c>$</c> becomes <c>\z</c> (.NET's <c>$</c> also
/// matches before a trailing newline, so "1.0\n" would pass), and <c>.</c> excludes every Java line terminator.
/// </summary>
internal static partial class ModelPatterns
{
    public const string InstanceIdModel = @"(^i-(\w{8}|\w{17})$)|(^mi-\w{17}$)";
    public const string TypeNameModel = "^(AWS|Custom):.*$";
    public const string SchemaVersionModel = @"^([0-9]{1,6})(\.[0-9]{1,6})$";
    public const string CaptureTimeModel =
        "^(20)[0-9][0-9]-(0[1-9]|1[012])-([12][0-9]|3[01]|0[1-9])(T)(2[0-3]|[0-1][0-9])(:[0-5][0-9])(:[0-5][0-9])(Z)$";

    [GeneratedRegex(@"^(?:i-(?:[A-Za-z0-9_]{8}|[A-Za-z0-9_]{17})|mi-[A-Za-z0-9_]{17})\z", RegexOptions.CultureInvariant)]
    public static partial Regex InstanceId();

    [GeneratedRegex("^(?:AWS|Custom):[^\r\n\u0085\u2028\u2029]*\\z", RegexOptions.CultureInvariant)]
    public static partial Regex TypeName();

    [GeneratedRegex(@"^[0-9]{1,6}\.[0-9]{1,6}\z", RegexOptions.CultureInvariant)]
    public static partial Regex SchemaVersion();

    [GeneratedRegex(
        @"^20[0-9]{2}-(?:0[1-9]|1[012])-(?:[12][0-9]|3[01]|0[1-9])T(?:2[0-3]|[01][0-9]):[0-5][0-9]:[0-5][0-9]Z\z",
        RegexOptions.CultureInvariant)]
    public static partial Regex CaptureTime();
}
