using System.Text;

namespace SsmInventory.FakeSsm.Protocol;

/// <summary>Pages a result list. The NextToken is opaque to callers (base64 of the next offset); the last page has none.</summary>
internal static class Paging
{
    public const int MaxPageSize = 50;

    private const string TokenPrefix = "fake-ssm-offset:";

    public static (IReadOnlyList<T> Page, string? NextToken) Page<T>(IReadOnlyList<T> all, int? maxResults, string? nextToken)
    {
        var offset = string.IsNullOrEmpty(nextToken) ? 0 : Decode(nextToken);
        var size = maxResults ?? MaxPageSize;
        var page = all.Skip(offset).Take(size).ToList();
        var next = offset + size < all.Count ? Encode(offset + size) : null;
        return (page, next);
    }

    private static string Encode(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + offset));

    private static int Decode(string token)
    {
        var bytes = new byte[token.Length];
        if (Convert.TryFromBase64String(token, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length) is var text
            && text.StartsWith(TokenPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(TokenPrefix.Length), out var offset)
            && offset >= 0)
        {
            return offset;
        }

        throw SsmErrors.InvalidNextToken();
    }
}
