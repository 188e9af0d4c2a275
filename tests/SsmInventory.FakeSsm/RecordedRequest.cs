namespace SsmInventory.FakeSsm;

/// <summary>One request as the fake service received it, with the answer it gave.</summary>
/// <param name="Target">The <c>X-Amz-Target</c> header as sent, e.g. <c>AmazonSSM.PutInventory</c>.</param>
/// <param name="InstanceId">The body's <c>InstanceId</c> member, if it had one.</param>
/// <param name="HeadBytes">
/// The size in bytes of the request line and headers as HTTP/1.1 text (<c>POST / HTTP/1.1</c>, then <c>Name: value</c>
/// lines, then the empty line), rebuilt from what the server parsed; with <see cref="BodyBytes"/>, what the client sent.
/// </param>
/// <param name="BodyBytes">The size of the request body in bytes.</param>
/// <param name="Items">The body's <c>Items</c> (PutInventory); empty for other operations.</param>
/// <param name="StatusCode">The HTTP status sent back, or 0 when a fault aborted the connection instead.</param>
/// <param name="ErrorType">The <c>__type</c> of the error sent back, or null on success or abort.</param>
public sealed record RecordedRequest(
    string Target,
    string? InstanceId,
    int HeadBytes,
    int BodyBytes,
    IReadOnlyList<RecordedItem> Items,
    int StatusCode,
    string? ErrorType)
{
    /// <summary>The operation name without the <c>AmazonSSM.</c> prefix, e.g. <c>PutInventory</c>.</summary>
    public string Operation => Target[(Target.LastIndexOf('.') + 1)..];
}

/// <summary>One item of a recorded PutInventory request.</summary>
/// <param name="HasContent">False for a hash-only item, whose <c>Content</c> member was absent (or JSON null).</param>
/// <param name="Context">The item's <c>Context</c> (its string members), or null when the member was absent.</param>
public sealed record RecordedItem(string TypeName, bool HasContent, int RowCount, string? ContentHash, IReadOnlyDictionary<string, string>? Context = null);
