using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SsmInventory.Aws;
using SsmInventory.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the health check of the inventory publishing that <c>AddSsmInventory</c> sets up.</summary>
public static class SsmInventoryHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check of the hosted service <c>AddSsmInventory</c> registers, whichever sink it publishes to (the
    /// PutInventory publisher or an <c>AgentFileSink</c>). It is healthy after a successful publish within the publish
    /// interval; degraded while no publish has succeeded yet, the latest one threw, one is overdue by half an interval, or
    /// items wait to be sent again (failed or deferred); and reports <paramref name="failureStatus"/> when no publish
    /// succeeded for <see cref="SsmInventoryHealthCheckOptions.UnhealthyAfterIntervals"/> intervals or a type failed on
    /// <see cref="SsmInventoryHealthCheckOptions.UnhealthyAfterConsecutiveFailures"/> publishes in a row. A publish
    /// succeeds unless it throws or every item fails. Descriptions and data hold TypeNames and error codes, never values.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">What a failing check reports; null for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by, such as <c>ready</c>.</param>
    /// <param name="configure">Changes the thresholds.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is below its minimum.</exception>
    public static IHealthChecksBuilder AddSsmInventory(
        this IHealthChecksBuilder builder,
        string name = "ssm_inventory",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        Action<SsmInventoryHealthCheckOptions>? configure = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        var options = new SsmInventoryHealthCheckOptions();
        configure?.Invoke(options);
        if (options.UnhealthyAfterIntervals < 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(configure),
                options.UnhealthyAfterIntervals,
                "SsmInventoryHealthCheckOptions.UnhealthyAfterIntervals must be at least 2: a publish is only overdue after one and a half intervals.");
        }

        if (options.UnhealthyAfterConsecutiveFailures < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(configure),
                options.UnhealthyAfterConsecutiveFailures,
                "SsmInventoryHealthCheckOptions.UnhealthyAfterConsecutiveFailures must be at least 1.");
        }

        SsmInventoryServiceCollectionExtensions.AddPublishHistory(builder.Services);
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new SsmInventoryHealthCheck(
                provider.GetRequiredService<InventoryPublishHistory>(),
                provider.GetRequiredService<IOptions<SsmInventoryOptions>>().Value.PublishInterval,
                options,
                provider.GetRequiredService<TimeProvider>()),
            failureStatus,
            tags));
    }
}
