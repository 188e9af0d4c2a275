namespace SsmInventory.Aws;

/// <summary>One node's rows of a type, as GetInventory returns them.</summary>
/// <typeparam name="T">The annotated type.</typeparam>
public sealed class NodeInventory<T>
{
    internal NodeInventory(string instanceId, string? captureTime, List<T> entries)
    {
        InstanceId = instanceId;
        CaptureTime = captureTime;
        Entries = entries;
    }

    /// <summary>The managed node.</summary>
    public string InstanceId { get; }

    /// <summary>When the node last reported the type, as <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public string? CaptureTime { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<T> Entries { get; }
}
