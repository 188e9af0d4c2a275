using System.Text;
using System.Text.RegularExpressions;
using SsmInventory.FakeSsm.Protocol;

namespace SsmInventory.FakeSsm.Validation;

/// <summary>
/// Collects violations of the model's constraints and reports them as one ValidationException, worded like the service's
/// ("Value '…' at 'items.1.member.typeName' failed to satisfy constraint: …"). String lengths count UTF-8 bytes, the
/// project's policy (the strictest reading of the undocumented unit).
/// </summary>
internal sealed class ModelValidator
{
    private const int ListedViolations = 10;
    private const int ShownValueLength = 80;

    private readonly List<string> _violations = [];

    public bool Required(object? value, string path)
    {
        if (value is null)
        {
            _violations.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }

        return value is not null;
    }

    public void Length(string? value, string path, int min, int max)
    {
        if (value is not null && LengthViolation(value, min, max) is { } constraint)
        {
            _violations.Add($"Value '{Shown(value)}' at '{path}' failed to satisfy constraint: {constraint}");
        }
    }

    public void Pattern(string? value, string path, Regex regex, string modelPattern)
    {
        if (value is not null && !regex.IsMatch(value))
        {
            _violations.Add(
                $"Value '{Shown(value)}' at '{path}' failed to satisfy constraint: Member must satisfy regular expression pattern: {modelPattern}");
        }
    }

    public void Count(int? count, string path, int min, int max)
    {
        if (count is { } n && (n < min || n > max))
        {
            var bound = n < min ? $"greater than or equal to {min}" : $"less than or equal to {max}";
            _violations.Add($"Value with {n} elements at '{path}' failed to satisfy constraint: Member must have length {bound}");
        }
    }

    public void Range(int? value, string path, int min, int max)
    {
        if (value is { } n && (n < min || n > max))
        {
            var bound = n < min ? $"greater than or equal to {min}" : $"less than or equal to {max}";
            _violations.Add($"Value '{n}' at '{path}' failed to satisfy constraint: Member must have value {bound}");
        }
    }

    public void OneOf(string? value, string path, params string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            _violations.Add(
                $"Value '{Shown(value)}' at '{path}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", allowed)}]");
        }
    }

    /// <summary>Checks a map of attribute names to values, such as a Content row or the Context.</summary>
    public void Map(IReadOnlyDictionary<string, string?>? map, string path, int maxEntries, int keyMax, int valueMax)
    {
        if (map is null)
        {
            return;
        }

        Count(map.Count, path, 0, maxEntries);
        foreach (var (key, value) in map)
        {
            if (LengthViolation(key, 1, keyMax) is { } keyConstraint)
            {
                _violations.Add(
                    $"Value '{Shown(key)}' at '{path}' failed to satisfy constraint: Map keys must satisfy constraint: [{keyConstraint}]");
            }

            var valueConstraint = value is null ? "Member must not be null" : LengthViolation(value, 0, valueMax);
            if (valueConstraint is not null)
            {
                _violations.Add(
                    $"Value '{Shown(value ?? "null")}' at '{path}.{key}' failed to satisfy constraint: Map value must satisfy constraint: [{valueConstraint}]");
            }
        }
    }

    public void ThrowIfInvalid()
    {
        if (_violations.Count == 0)
        {
            return;
        }

        var noun = _violations.Count == 1 ? "error" : "errors";
        var listed = string.Join("; ", _violations.Take(ListedViolations));
        throw SsmErrors.Validation($"{_violations.Count} validation {noun} detected: {listed}");
    }

    private static string? LengthViolation(string value, int min, int max)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        return bytes < min ? $"Member must have length greater than or equal to {min}"
            : bytes > max ? $"Member must have length less than or equal to {max}"
            : null;
    }

    private static string Shown(string value) =>
        value.Length <= ShownValueLength ? value : string.Concat(value.AsSpan(0, ShownValueLength), "...");
}
