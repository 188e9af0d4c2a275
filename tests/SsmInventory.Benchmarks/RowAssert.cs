namespace SsmInventory.Benchmarks;

/// <summary>Setup checks: a benchmark that compares different outputs compares nothing, so it refuses to run.</summary>
internal static class RowAssert
{
    public static void Equal(string what, IReadOnlyList<Dictionary<string, string>> expected, IReadOnlyList<Dictionary<string, string>> actual)
    {
        if (expected.Count != actual.Count)
        {
            throw new InvalidOperationException($"{what}: {actual.Count} rows, expected {expected.Count}.");
        }

        for (int i = 0; i < expected.Count; i++)
        {
            Dictionary<string, string> e = expected[i];
            Dictionary<string, string> a = actual[i];
            foreach (KeyValuePair<string, string> pair in e)
            {
                if (!a.TryGetValue(pair.Key, out string? value) || !string.Equals(value, pair.Value, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"{what}: row {i}, attribute {pair.Key}: '{value ?? "(missing)"}', expected '{pair.Value}'.");
                }
            }

            if (a.Count != e.Count)
            {
                string extra = string.Join(", ", a.Keys.Except(e.Keys));
                throw new InvalidOperationException($"{what}: row {i} has {a.Count} attributes, expected {e.Count} (extra: {extra}).");
            }
        }
    }
}
