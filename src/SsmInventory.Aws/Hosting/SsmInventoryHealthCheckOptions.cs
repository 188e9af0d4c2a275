namespace SsmInventory.Hosting;

/// <summary>When the health check that <c>AddHealthChecks().AddSsmInventory()</c> registers reports a failure.</summary>
public sealed class SsmInventoryHealthCheckOptions
{
    /// <summary>
    /// The check fails when no publish has succeeded for this many publish intervals (<c>SsmInventoryOptions.PublishInterval</c>).
    /// At least 2, since a publish is only overdue after one and a half intervals. Defaults to 3.
    /// </summary>
    public int UnhealthyAfterIntervals { get; set; } = 3;

    /// <summary>The check fails when the same TypeName failed on this many publishes in a row. At least 1; defaults to 3.</summary>
    public int UnhealthyAfterConsecutiveFailures { get; set; } = 3;
}
