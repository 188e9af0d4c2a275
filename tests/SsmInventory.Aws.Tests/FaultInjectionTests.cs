using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Publishing;
using Fault = SsmInventory.FakeSsm.Fault;

namespace SsmInventory.Aws.Tests;

/// <summary>
/// Many publishes by fresh publisher instances (as after restarts) under a seeded random mix of throttling, server
/// errors, reset connections (before and after storing), slow answers, service errors and cancellation. After every
/// publish, every item is either stored exactly as sent or reported failed and kept in the spool; none is lost.
/// </summary>
public sealed class FaultInjectionTests : PublisherTest
{
    private const int Runs = 12;
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan s_longestDelay = TimeSpan.FromMilliseconds(700);

    private static readonly string[] s_errors =
    [
        "InvalidTypeNameException", "InvalidItemContentException", "ItemSizeLimitExceededException", "TotalSizeLimitExceededException",
        "ItemContentMismatchException", "CustomSchemaCountLimitExceededException", "UnsupportedInventorySchemaVersionException",
        "UnsupportedInventoryItemContextException", "InvalidInventoryItemContextException", "SubTypeCountLimitExceededException",
        "InvalidInstanceId",
    ];

    [Theory]
    [InlineData(11)]
    [InlineData(42)]
    [InlineData(2026)]
    public async Task No_item_is_lost(int seed)
    {
        var random = new Random(seed);
        string[] types = [.. Enumerable.Range(0, 8).Select(i => $"Custom:Type{i}")];
        var latest = new Dictionary<string, InventoryItemData>(StringComparer.Ordinal);
        for (int run = 0; run < Runs; run++)
        {
            var items = new List<InventoryItemData>();
            foreach (string type in types.Where(_ => random.Next(3) != 0))
            {
                items.Add(random.Next(6) switch
                {
                    // Unchanged content goes hash-only; empty content clears the type; large items make several requests.
                    0 or 1 when latest.TryGetValue(type, out InventoryItemData? previous) => InventoryItemData.Create(type, "1.0", previous.Content),
                    2 => Items.Empty(type),
                    3 => Items.Make(type, rows: 40, valueLength: 4000, seed: $"run{run}-{random.Next()}"),
                    _ => Items.Make(type, rows: random.Next(1, 20), seed: $"run{run}-{random.Next()}-é<&>"),
                });
            }

            bool delayed = false;
            for (int f = random.Next(4); f > 0; f--)
            {
                (Fault fault, bool isDelay) = RandomFault(random);
                Server.Faults.Enqueue(fault);
                delayed |= isDelay;
            }

            using var cancel = new CancellationTokenSource();
            if (random.Next(4) == 0)
            {
                // Late enough that the items are spooled: cancellation then strikes a call in flight.
                cancel.CancelAfter(random.Next(250, 600));
            }

            var publisher = NewPublisher(maxErrorRetry: random.Next(2), timeout: s_attemptTimeout);
            InventoryPublishReport? report = null;
            try
            {
                report = await publisher.PublishAsync(items, cancel.Token);
            }
            catch (OperationCanceledException)
            {
            }

            items.ForEach(i => latest[i.TypeName] = i);
            await SettleAsync(abandoned: delayed || report is null || report.Failed.Any(o => o.ErrorCode == "RequestFailed"));
            if (report is not null)
            {
                AssertNothingLost(report, latest);
            }
        }

        // A last, undisturbed publish delivers everything that can be delivered; only rejected items stay behind.
        InventoryPublishReport final = await NewPublisher().PublishAsync([]);
        AssertNothingLost(final, latest);
        Dictionary<string, State.SpoolEntry> spool = Spool();
        foreach (InventoryItemData item in latest.Values)
        {
            if (spool.TryGetValue(item.TypeName, out State.SpoolEntry? entry))
            {
                Assert.True(entry.IsRejected, $"{item.TypeName} is still spooled but not rejected");
            }
            else
            {
                AssertStored(item);
            }
        }
    }

    /// <summary>Every outcome agrees with the service and the spool: accepted means stored exactly, failed means spooled exactly.</summary>
    private void AssertNothingLost(InventoryPublishReport report, Dictionary<string, InventoryItemData> latest)
    {
        Dictionary<string, State.SpoolEntry> spool = Spool();
        foreach (InventoryItemOutcome outcome in report.Items)
        {
            InventoryItemData item = latest[outcome.TypeName];
            if (outcome.Status == InventoryItemStatus.Failed)
            {
                Assert.True(spool.TryGetValue(outcome.TypeName, out State.SpoolEntry? entry), $"{outcome} is not spooled");
                Assert.Equal(item.ContentHash, entry.Item.ContentHash);
                Assert.Equal(item.CaptureTime, entry.Item.CaptureTime);
            }
            else
            {
                AssertStored(item);
                Assert.False(spool.ContainsKey(outcome.TypeName), $"{outcome} is still spooled");
            }
        }
    }

    /// <summary>
    /// Uses up faults the publish did not reach, so the next run starts clean, and waits out delayed requests the client
    /// may have given up on, which the server still carries out late: they could overwrite a later run's newer content.
    /// (On the real service that race exists too; the next hash-only update of the type detects and repairs it.)
    /// </summary>
    private async Task SettleAsync(bool abandoned)
    {
        using var client = Server.CreateClient();
        while (true)
        {
            var started = DateTime.UtcNow;
            try
            {
                await client.ListInventoryEntriesAsync(new ListInventoryEntriesRequest { InstanceId = "i-00000000000000000", TypeName = "Custom:Drain" });
                if (DateTime.UtcNow - started < TimeSpan.FromMilliseconds(90))
                {
                    break;
                }
            }
            catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or IOException or HttpRequestException)
            {
            }
        }

        if (abandoned)
        {
            await Task.Delay(s_longestDelay + TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>A fault, and whether it delays the answer (the client may give up on it while the server goes on).</summary>
    private static (Fault Fault, bool IsDelay) RandomFault(Random random) => random.Next(7) switch
    {
        0 => (Fault.Throttle(), false),
        1 => (Fault.InternalError(), false),
        2 => (Fault.ConnectionReset(), false),
        3 => (Fault.ResetAfterStoring(), false),
        4 => (Fault.Delay(TimeSpan.FromMilliseconds(random.Next(100, (int)s_longestDelay.TotalMilliseconds))), true),
        _ => (Fault.Error(s_errors[random.Next(s_errors.Length)], "injected"), false),
    };
}
