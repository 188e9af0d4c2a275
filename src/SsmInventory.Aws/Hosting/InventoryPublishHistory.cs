using SsmInventory.Publishing;

namespace SsmInventory.Hosting;

/// <summary>
/// What the hosted service's publishes came to, kept from the reports its sink returns (or the exception it threw) for
/// the health check. Holds TypeNames and error codes, never values.
/// </summary>
internal sealed class InventoryPublishHistory
{
    private readonly TimeProvider _timeProvider;
    private readonly object _gate = new();

    // By TypeName: on how many publishes in a row, up to the latest report, the type failed, and the latest error code.
    private Dictionary<string, FailingType> _failing = new(StringComparer.Ordinal);
    private IReadOnlyList<InventoryItemOutcome> _waiting = [];
    private DateTimeOffset? _lastSuccess;
    private string? _lastExceptionType;

    public InventoryPublishHistory(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        Started = timeProvider.GetUtcNow();
    }

    /// <summary>When the history began: the reference for a node that has not published successfully yet.</summary>
    public DateTimeOffset Started { get; }

    /// <summary>
    /// Records a publish that returned <paramref name="report"/>. It succeeded unless every item failed: then nothing
    /// reached the service, as when the node is not registered or the endpoint is unreachable.
    /// </summary>
    public void Record(InventoryPublishReport report)
    {
        bool succeeded = report.Items.Count == 0 || report.Items.Any(o => o.Status != InventoryItemStatus.Failed);
        DateTimeOffset now = _timeProvider.GetUtcNow();
        lock (_gate)
        {
            // A type that did not fail this time, or is no longer reported, starts again from zero.
            _failing = report.Items.Where(o => o.Status == InventoryItemStatus.Failed).ToDictionary(
                o => o.TypeName,
                o => new FailingType(o.TypeName, (_failing.TryGetValue(o.TypeName, out FailingType? earlier) ? earlier.Publishes : 0) + 1, o.ErrorCode),
                StringComparer.Ordinal);
            _waiting = [.. report.Items.Where(o => o.Status is InventoryItemStatus.Failed or InventoryItemStatus.Deferred)];
            _lastExceptionType = null;
            if (succeeded)
            {
                _lastSuccess = now;
            }
        }
    }

    /// <summary>Records a publish that threw; what earlier reports said still stands.</summary>
    public void RecordFailure(Exception exception)
    {
        lock (_gate)
        {
            _lastExceptionType = exception.GetType().FullName ?? exception.GetType().Name;
        }
    }

    public Snapshot Read()
    {
        lock (_gate)
        {
            return new Snapshot(Started, _lastSuccess, _lastExceptionType, _waiting, [.. _failing.Values]);
        }
    }

    /// <summary>A consistent view of the history.</summary>
    /// <param name="Started">When the history began.</param>
    /// <param name="LastSuccess">When the latest successful publish ended, if any did.</param>
    /// <param name="LastExceptionType">The exception type of the latest publish when it threw.</param>
    /// <param name="Waiting">The items of the latest report that failed or were deferred: they wait to be sent again.</param>
    /// <param name="Failing">The types that failed in the latest report, with how many publishes in a row.</param>
    internal sealed record Snapshot(
        DateTimeOffset Started,
        DateTimeOffset? LastSuccess,
        string? LastExceptionType,
        IReadOnlyList<InventoryItemOutcome> Waiting,
        IReadOnlyList<FailingType> Failing);

    /// <summary>A type that failed on <paramref name="Publishes"/> publishes in a row, the latest with <paramref name="ErrorCode"/>.</summary>
    internal sealed record FailingType(string TypeName, int Publishes, string? ErrorCode);
}
