using System.Collections;

namespace SsmInventory.Tests;

/// <summary>A read-only dictionary that is not a <see cref="Dictionary{TKey, TValue}"/> and enumerates exactly what it is given.</summary>
internal sealed class PairList(KeyValuePair<string, string>[] pairs) : IReadOnlyDictionary<string, string>
{
    public int Count => pairs.Length;

    public IEnumerable<string> Keys => pairs.Select(p => p.Key);

    public IEnumerable<string> Values => pairs.Select(p => p.Value);

    public string this[string key] => pairs.First(p => p.Key == key).Value;

    public bool ContainsKey(string key) => pairs.Any(p => p.Key == key);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
    {
        foreach (KeyValuePair<string, string> pair in pairs)
        {
            if (pair.Key == key)
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
