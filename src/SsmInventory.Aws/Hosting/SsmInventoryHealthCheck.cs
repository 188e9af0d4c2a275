using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SsmInventory.Publishing;

namespace SsmInventory.Hosting;

/// <summary>
/// Judges the hosted service's publishes, whatever its sink: healthy after a recent successful publish with nothing left
/// waiting; degraded while none has succeeded yet, the latest threw, one is overdue, or items wait (failed or deferred);
/// failing when none succeeded for several intervals or a type keeps failing.
/// </summary>
internal sealed class SsmInventoryHealthCheck : IHealthCheck
{
    // A publish ends some time after its interval began, so it counts as overdue only half an interval late.
    private const double OverdueIntervals = 1.5;

    private readonly InventoryPublishHistory _history;
    private readonly TimeSpan _interval;
    private readonly SsmInventoryHealthCheckOptions _options;
    private readonly TimeProvider _timeProvider;

    public SsmInventoryHealthCheck(InventoryPublishHistory history, TimeSpan interval, SsmInventoryHealthCheckOptions options, TimeProvider timeProvider)
    {
        _history = history;
        _interval = interval;
        _options = options;
        _timeProvider = timeProvider;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(_history.Read(), _timeProvider.GetUtcNow(), context.Registration.FailureStatus));

    private HealthCheckResult Evaluate(InventoryPublishHistory.Snapshot history, DateTimeOffset now, HealthStatus failureStatus)
    {
        var failures = new List<string>();
        var warnings = new List<string>();
        TimeSpan sinceSuccess = now - (history.LastSuccess ?? history.Started);

        if (sinceSuccess > Times(_options.UnhealthyAfterIntervals))
        {
            failures.Add($"No publish has succeeded for {Format(sinceSuccess)}, {_options.UnhealthyAfterIntervals} publish intervals of {Format(_interval)}.");
        }

        foreach (InventoryPublishHistory.FailingType type in history.Failing.Where(f => f.Publishes >= _options.UnhealthyAfterConsecutiveFailures))
        {
            failures.Add($"{type.TypeName} failed on {type.Publishes} publishes in a row, the latest with {type.ErrorCode}.");
        }

        if (history.LastSuccess is null)
        {
            warnings.Add("No publish has succeeded yet.");
        }
        else if (sinceSuccess > Times(OverdueIntervals))
        {
            warnings.Add($"The latest successful publish ended {Format(sinceSuccess)} ago; one is due every {Format(_interval)}.");
        }

        if (history.LastExceptionType is not null)
        {
            warnings.Add($"The latest publish failed with {history.LastExceptionType}; the service's log says why.");
        }

        if (history.Waiting.Count > 0)
        {
            warnings.Add($"{history.Waiting.Count} items wait to be sent again: {string.Join(", ", history.Waiting.Select(Describe))}.");
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["waiting_items"] = history.Waiting.Count,
        };
        if (history.LastSuccess is { } lastSuccess)
        {
            data["last_successful_publish"] = lastSuccess.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        }

        if (failures.Count > 0)
        {
            return new HealthCheckResult(failureStatus, string.Join(" ", failures.Concat(warnings)), data: data);
        }

        return warnings.Count > 0
            ? HealthCheckResult.Degraded(string.Join(" ", warnings), data: data)
            : HealthCheckResult.Healthy($"The latest publish succeeded {Format(sinceSuccess)} ago.", data);
    }

    private TimeSpan Times(double intervals) => TimeSpan.FromTicks((long)(_interval.Ticks * intervals));

    private static string Describe(InventoryItemOutcome outcome) =>
        outcome.Status == InventoryItemStatus.Deferred ? $"{outcome.TypeName} (deferred)" : $"{outcome.TypeName} ({outcome.ErrorCode})";

    // Whole seconds, invariant: "01:30:00".
    private static string Format(TimeSpan span) => TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds)).ToString("c", CultureInfo.InvariantCulture);
}
