using System.Diagnostics.CodeAnalysis;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SsmInventory.Aws;
using SsmInventory.Hosting;
using SsmInventory.Publishing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SSM inventory publishing with a host.</summary>
public static class SsmInventoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SsmInventoryPublisher"/> as the <see cref="IInventorySink"/>, an
    /// <see cref="IAmazonSimpleSystemsManagement"/> client through AWSSDK.Extensions.NETCore.Setup unless one is already
    /// registered (the options' retry and timeout settings apply to it), and a hosted service that collects from every
    /// <see cref="IInventorySource"/> and publishes, right away and then every <see cref="SsmInventoryOptions.PublishInterval"/>.
    /// <c>services.AddHealthChecks().AddSsmInventory()</c> adds a health check of that service.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the options; they can also be bound from configuration with <c>services.Configure</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSsmInventory(this IServiceCollection services, Action<SsmInventoryOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        OptionsBuilder<SsmInventoryOptions> options = services.AddOptions<SsmInventoryOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.StateDirectory), "SsmInventoryOptions.StateDirectory must name a folder that survives restarts.")
            .Validate(o => o.PublishInterval > TimeSpan.Zero, "SsmInventoryOptions.PublishInterval must be longer than zero.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddAWSService<IAmazonSimpleSystemsManagement>((config, provider) =>
        {
            SsmInventoryOptions settings = provider.GetRequiredService<IOptions<SsmInventoryOptions>>().Value;
            if (settings.RetryMode is { } retryMode)
            {
                config.RetryMode = retryMode;
            }

            if (settings.MaxErrorRetry is { } maxErrorRetry)
            {
                config.MaxErrorRetry = maxErrorRetry;
            }

            if (settings.Timeout is { } timeout)
            {
                config.Timeout = timeout;
            }
        });
        AddPublishHistory(services);
        services.TryAddSingleton(provider => new SsmInventoryPublisher(
            provider.GetRequiredService<IAmazonSimpleSystemsManagement>(),
            provider.GetRequiredService<IOptions<SsmInventoryOptions>>().Value,
            provider.GetService<ILogger<SsmInventoryPublisher>>()));
        services.TryAddSingleton<IInventorySink>(provider => provider.GetRequiredService<SsmInventoryPublisher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InventoryPublishingService>(provider => new InventoryPublishingService(
            provider.GetServices<IInventorySource>(),
            provider.GetRequiredService<IInventorySink>(),
            provider.GetRequiredService<IOptions<SsmInventoryOptions>>().Value,
            provider.GetRequiredService<InventoryPublishHistory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILogger<InventoryPublishingService>>())));
        return services;
    }

    /// <summary>The clock and the history of publishes that the hosted service writes and the health check reads.</summary>
    internal static void AddPublishHistory(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new InventoryPublishHistory(provider.GetRequiredService<TimeProvider>()));
    }

    /// <summary>Registers a source the hosted service collects from on every cycle.</summary>
    /// <typeparam name="TSource">The source; created once, with its dependencies from the container.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddInventorySource<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSource>(this IServiceCollection services)
        where TSource : class, IInventorySource
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInventorySource, TSource>());
        return services;
    }
}
