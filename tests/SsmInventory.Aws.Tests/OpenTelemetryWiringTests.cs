using System.Diagnostics;
using Amazon.SimpleSystemsManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SsmInventory.Hosting;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

/// <summary>The wiring the README shows: OpenTelemetry.Extensions.Hosting collects the meter and the activity source, and the health check reports.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class OpenTelemetryWiringTests : PublisherTest
{
    [Fact]
    public async Task A_host_exports_the_publish_metrics_and_span_with_OpenTelemetry_and_reports_healthy()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(NewClient());
        builder.Services.AddSsmInventory(options =>
        {
            options.InstanceId = Items.Node;
            options.StateDirectory = StateFolder.Path;
        });
        builder.Services.AddInventorySource<PackageSource>();
        builder.Services.AddHealthChecks().AddSsmInventory();
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metering => metering.AddMeter("SsmInventory").AddInMemoryExporter(metrics))
            .WithTracing(tracing => tracing.AddSource("SsmInventory").AddInMemoryExporter(spans));

        using IHost host = builder.Build();
        await host.StartAsync();
        HealthReport health = await WaitForHealthy(host.Services.GetRequiredService<HealthCheckService>());
        Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush());
        await host.StopAsync();

        Assert.Equal(HealthStatus.Healthy, health.Status);
        Activity publish = Assert.Single(spans);
        Assert.Equal("SsmInventory.Publish", publish.DisplayName);
        Assert.Equal(Items.Node, publish.GetTagItem("ssm_inventory.instance_id"));

        MetricSnapshot items = metrics.Last(m => m.Name == "ssm_inventory.publish.items");
        Assert.Equal("{item}", items.Unit);
        MetricPoint sent = Assert.Single(items.MetricPoints);
        Assert.Equal(1, sent.GetSumLong());
        Assert.Contains(new KeyValuePair<string, object?>("ssm_inventory.item.status", "sent"), Tags(sent));
        Assert.Contains(new KeyValuePair<string, object?>("ssm_inventory.type_name", "Custom:Package"), Tags(sent));

        MetricSnapshot duration = metrics.Last(m => m.Name == "ssm_inventory.publish.duration");
        Assert.Equal("s", duration.Unit);
        Assert.Equal(1, Assert.Single(duration.MetricPoints).GetHistogramCount());
        MetricSnapshot size = metrics.Last(m => m.Name == "ssm_inventory.publish.request.size");
        Assert.Equal("By", size.Unit);
        Assert.Equal(Assert.Single(Puts).BodyBytes, Assert.Single(size.MetricPoints).GetHistogramSum());
        Assert.Equal(0, Assert.Single(metrics.Last(m => m.Name == "ssm_inventory.spool.length").MetricPoints).GetGaugeLastValueLong());
    }

    private static async Task<HealthReport> WaitForHealthy(HealthCheckService health)
    {
        HealthReport report = await health.CheckHealthAsync();
        for (int i = 0; i < 200 && report.Status != HealthStatus.Healthy; i++)
        {
            await Task.Delay(50);
            report = await health.CheckHealthAsync();
        }

        return report;
    }

    private static List<KeyValuePair<string, object?>> Tags(MetricPoint point)
    {
        var tags = new List<KeyValuePair<string, object?>>();
        foreach (KeyValuePair<string, object?> tag in point.Tags)
        {
            tags.Add(tag);
        }

        return tags;
    }
}
