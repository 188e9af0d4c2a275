using SsmInventory.Aws.State;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

/// <summary>The publisher against the fake service: validation, splitting, hash-only updates, clearing, and the spool.</summary>
public sealed class PublisherTests : PublisherTest
{
    [Fact]
    public async Task Nothing_is_sent_or_spooled_when_validation_fails()
    {
        InventoryItemData bad = InventoryItemData.Create("Custom:Bad", "1.0", [new Dictionary<string, string> { ["N"] = new string('v', 5000) }]);
        var exception = await Assert.ThrowsAsync<InventoryValidationException>(
            () => NewPublisher().PublishAsync([Items.Make("Custom:Good"), bad, Items.Make("Custom:big", rows: 60, valueLength: 4000)]));

        Assert.Equal(3, exception.Problems.Count);
        Assert.Empty(Server.Requests);
        Assert.Empty(Spool());
    }

    [Fact]
    public async Task An_invalid_instance_id_override_is_a_validation_problem()
    {
        var publisher = new SsmInventoryPublisher(NewClient(), new SsmInventoryOptions { InstanceId = "../etc", StateDirectory = StateFolder.Path });
        var exception = await Assert.ThrowsAsync<InventoryValidationException>(() => publisher.PublishAsync([Items.Make("Custom:A")]));
        Assert.Contains("InstanceId \"../etc\"", exception.Message);
        Assert.Empty(Server.Requests);
        Assert.Empty(Directory.EnumerateFileSystemEntries(StateFolder.Path));
    }

    [Fact]
    public async Task Items_are_stored_and_reported_sent()
    {
        InventoryItemData[] items = [Items.Make("Custom:A"), Items.Make("Custom:B", rows: 5)];
        InventoryPublishReport report = await NewPublisher().PublishAsync(items);

        Assert.True(report.Succeeded);
        Assert.Equal(Items.Node, report.InstanceId);
        Assert.Equal(["Custom:A", "Custom:B"], report.Sent.Select(o => o.TypeName));
        Assert.All(items, AssertStored);
        Assert.Single(Puts);
        Assert.Empty(Spool());
    }

    [Fact]
    public async Task Items_summing_over_1_MB_are_split_by_size()
    {
        InventoryItemData[] items = [.. Enumerable.Range(0, 8).Select(i => Items.Make($"Custom:Big{i}", rows: 45, valueLength: 4000, seed: $"s{i}"))];
        InventoryPublishReport report = await NewPublisher().PublishAsync(items);

        Assert.True(report.Succeeded);
        Assert.Equal(2, Puts.Count);
        Assert.All(Puts, r => Assert.True(r.BodyBytes < 1024 * 1024, $"{r.BodyBytes} bytes"));
        Assert.All(items, AssertStored);
    }

    [Fact]
    public async Task Unchanged_content_goes_hash_only_and_the_capture_time_moves_on()
    {
        var publisher = NewPublisher();
        await publisher.PublishAsync([Items.Make("Custom:A"), Items.Make("Custom:B")]);

        var later = new FixedClock(new DateTimeOffset(2031, 1, 2, 3, 4, 5, TimeSpan.Zero));
        InventoryItemData sameA = InventoryItemData.Create("Custom:A", "1.0", Items.Make("Custom:A").Content, later);
        InventoryItemData changedB = Items.Make("Custom:B", seed: "changed");
        InventoryPublishReport report = await publisher.PublishAsync([sameA, changedB]);

        Assert.Equal(InventoryItemStatus.Unchanged, report.Items[0].Status);
        Assert.Equal(InventoryItemStatus.Sent, report.Items[1].Status);
        RecordedRequest second = Puts[1];
        Assert.False(second.Items.Single(i => i.TypeName == "Custom:A").HasContent);
        Assert.True(second.Items.Single(i => i.TypeName == "Custom:B").HasContent);
        Assert.Equal("2031-01-02T03:04:05Z", Server.Store.Get(Items.Node, "Custom:A")!.CaptureTime);
        AssertStored(changedB);
    }

    [Fact]
    public async Task When_the_service_no_longer_holds_the_content_it_is_sent_again_in_full_once()
    {
        InventoryItemData a = Items.Make("Custom:A");
        InventoryItemData b = Items.Make("Custom:B");
        await NewPublisher().PublishAsync([a, b]);

        // The service lost A (as after DeleteInventory or the 30-day retention): its hash-only update cannot match.
        Server.Store.Seed(Items.Node, new StoredInventoryItem("Custom:A", "1.0", a.CaptureTime, "other-hash", []));
        InventoryPublishReport report = await NewPublisher().PublishAsync([a, b]);

        Assert.True(report.Succeeded);
        Assert.Equal(InventoryItemStatus.Sent, report.Items[0].Status);
        Assert.Equal(InventoryItemStatus.Sent, report.Items[1].Status);
        Assert.Equal(3, Puts.Count);
        Assert.Equal("ItemContentMismatchException", Puts[1].ErrorType);
        Assert.All(Puts[1].Items, i => Assert.False(i.HasContent));
        Assert.All(Puts[2].Items, i => Assert.True(i.HasContent));
        AssertStored(a);
    }

    [Fact]
    public async Task A_full_resend_after_a_mismatch_is_spooled_before_it_is_sent()
    {
        InventoryItemData a = Items.Make("Custom:A");
        await NewPublisher().PublishAsync([a]);
        Server.Store.Seed(Items.Node, new StoredInventoryItem("Custom:A", "1.0", a.CaptureTime, "other-hash", []));

        // The hash-only update meets the mismatch as it is; the process stops during the full resend after it.
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.Zero));
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(2)));
        using var cancel = new CancellationTokenSource();
        Task<InventoryPublishReport> publish = NewPublisher().PublishAsync([a], cancel.Token);
        await WaitUntil(() => Spool().ContainsKey("Custom:A"));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
        Assert.Equal(a.ContentHash, Spool()["Custom:A"].Item.ContentHash);

        await AssertNextPublishDelivers(a);
    }

    [Fact]
    public async Task A_publish_where_nothing_changed_writes_nothing_to_disk()
    {
        var items = new[] { Items.Make("Custom:A"), Items.Make("Custom:B") };
        await NewPublisher().PublishAsync(items);
        var before = StateFiles();

        InventoryPublishReport report = await NewPublisher().PublishAsync(items);

        Assert.All(report.Items, o => Assert.Equal(InventoryItemStatus.Unchanged, o.Status));
        Assert.Equal(before, StateFiles());
        Assert.Empty(Spool());
    }

    [Fact]
    public async Task A_hash_only_update_that_fails_is_spooled_and_sent_again()
    {
        InventoryItemData a = Items.Make("Custom:A");
        await NewPublisher().PublishAsync([a]);

        Server.Faults.Enqueue(Fault.InternalError());
        InventoryPublishReport failed = await NewPublisher().PublishAsync([a]);
        Assert.Equal("InternalServerError", Assert.Single(failed.Failed).ErrorCode);
        Assert.True(Spool().ContainsKey("Custom:A"));

        await AssertNextPublishDelivers(a, InventoryItemStatus.Unchanged);
        Assert.False(Puts[^1].Items.Single().HasContent);
    }

    [Fact]
    public async Task A_hash_only_update_replaces_an_older_spooled_item_of_its_type()
    {
        InventoryItemData original = Items.Make("Custom:A", seed: "original");
        await NewPublisher().PublishAsync([original]);
        Server.Faults.Enqueue(Fault.InternalError());
        await NewPublisher().PublishAsync([Items.Make("Custom:A", seed: "changed")]);
        Assert.NotEqual(original.ContentHash, Spool()["Custom:A"].Item.ContentHash);

        // Back to the content the service holds: the failed change is superseded and must never be sent.
        InventoryPublishReport back = await NewPublisher().PublishAsync([original]);
        Assert.Equal(InventoryItemStatus.Unchanged, Assert.Single(back.Items).Status);
        Assert.Empty(Spool());

        int puts = Puts.Count;
        Assert.Empty((await NewPublisher().PublishAsync([])).Items);
        Assert.Equal(puts, Puts.Count);
        AssertStored(original);
    }

    [Fact]
    public async Task An_empty_type_is_sent_as_an_empty_content_list_and_clears_the_rows()
    {
        var publisher = NewPublisher();
        await publisher.PublishAsync([Items.Make("Custom:A", rows: 3)]);
        InventoryPublishReport report = await publisher.PublishAsync([Items.Empty("Custom:A")]);

        Assert.True(report.Succeeded);
        RecordedItem sent = Assert.Single(Puts[1].Items);
        Assert.True(sent.HasContent);
        Assert.Equal(0, sent.RowCount);
        Assert.Empty(Server.Store.Get(Items.Node, "Custom:A")!.Content);
    }

    [Fact]
    public async Task A_failed_item_stays_spooled_and_is_sent_on_the_next_publish()
    {
        InventoryItemData a = Items.Make("Custom:A");
        Server.Faults.Enqueue(Fault.InternalError());
        InventoryPublishReport failed = await NewPublisher().PublishAsync([a]);

        InventoryItemOutcome outcome = Assert.Single(failed.Failed);
        Assert.Equal("InternalServerError", outcome.ErrorCode);
        Assert.Contains("sent again on the next publish", outcome.Reason);
        Assert.Equal(a.ContentHash, Spool()["Custom:A"].Item.ContentHash);

        // A new process, with nothing new to say, still delivers it.
        await AssertNextPublishDelivers(a);
    }

    [Fact]
    public async Task A_newer_item_replaces_a_spooled_one_of_its_type()
    {
        Server.Faults.Enqueue(Fault.ConnectionReset());
        await NewPublisher().PublishAsync([Items.Make("Custom:A", seed: "old"), Items.Make("Custom:B")]);

        InventoryItemData newer = Items.Make("Custom:A", seed: "new");
        InventoryPublishReport report = await NewPublisher().PublishAsync([newer]);

        Assert.Equal(["Custom:A", "Custom:B"], report.Sent.Select(o => o.TypeName));
        Assert.Equal(2, Puts[1].Items.Count);
        AssertStored(newer);
    }

    [Fact]
    public async Task A_publish_cancelled_mid_flight_loses_nothing()
    {
        InventoryItemData a = Items.Make("Custom:A");
        Server.Faults.Enqueue(Fault.Delay(TimeSpan.FromSeconds(2)));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewPublisher().PublishAsync([a], cancel.Token));
        Assert.True(Spool().ContainsKey("Custom:A"));

        await AssertNextPublishDelivers(a);
    }

    [Fact]
    public async Task A_cancelled_token_sends_nothing()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NewPublisher().PublishAsync([Items.Make("Custom:A")], cancel.Token));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task New_items_are_spooled_together_in_one_file_named_by_number_not_by_type()
    {
        Server.Faults.Enqueue(Fault.InternalError());
        InventoryItemData[] items = [Items.Make("Custom:A/../../../escape"), Items.Make("Custom:B"), Items.Make("Custom:C")];
        await NewPublisher().PublishAsync(items);

        string file = Assert.Single(Directory.GetFiles(StateFolder.Path, "*", SearchOption.AllDirectories), f => !f.EndsWith(".lock", StringComparison.Ordinal));
        Assert.Equal(Path.Combine(StateFolder.Path, Items.Node, "spool"), Path.GetDirectoryName(file));
        Assert.Matches("^[0-9]{19}\\.json$", Path.GetFileName(file));
        Assert.Equal(items.Select(i => i.ContentHash), NodeState.ReadSpoolFile(file).Select(e => e.Item.ContentHash));

        Assert.True((await NewPublisher().PublishAsync([])).Succeeded);
        Assert.All(items, AssertStored);
        Assert.Empty(Directory.GetFiles(Path.Combine(StateFolder.Path, Items.Node, "spool")));
    }

    [Fact]
    public async Task A_later_spool_file_wins_and_replacing_the_spool_leaves_one_file()
    {
        InventoryItemData old = Items.Make("Custom:A", seed: "old");
        InventoryItemData newer = Items.Make("Custom:A", seed: "new");
        InventoryItemData b = Items.Make("Custom:B");
        string spool = Path.Combine(StateFolder.Path, Items.Node, "spool");
        using (NodeState state = await NodeState.OpenAsync(StateFolder.Path, Items.Node, CancellationToken.None))
        {
            state.Spool([new SpoolEntry(old), new SpoolEntry(b)]);
            state.Spool([new SpoolEntry(newer)]);
        }

        using (NodeState state = await NodeState.OpenAsync(StateFolder.Path, Items.Node, CancellationToken.None))
        {
            List<SpoolEntry> loaded = state.LoadSpool(out List<string> unreadable);
            Assert.Empty(unreadable);
            Assert.Equal([newer.ContentHash, b.ContentHash], loaded.Select(e => e.Item.ContentHash));

            state.ReplaceSpool([new SpoolEntry(b, "InvalidTypeNameException", "reason")]);
            Assert.Single(Directory.GetFiles(spool));
            state.Spool([new SpoolEntry(newer)]);
            state.ReplaceSpool([]);
            Assert.Empty(Directory.GetFiles(spool));
        }

        Assert.Empty(Spool());
    }

    [Fact]
    public async Task Unreadable_state_is_set_aside_and_publishing_goes_on()
    {
        var publisher = NewPublisher();
        await publisher.PublishAsync([Items.Make("Custom:A")]);
        string node = Path.Combine(StateFolder.Path, Items.Node);
        File.WriteAllText(Path.Combine(node, "content-hashes.json"), "{not json");
        File.WriteAllText(Path.Combine(node, "spool", "0000000000000000007.json"), "[{\"TypeName\":");
        File.WriteAllText(Path.Combine(node, "spool", "0000000000000000008.json"), "[{\"TypeName\":\"Custom:X\"}]");
        File.WriteAllText(Path.Combine(node, "spool", "0000000000000000009.json.0123.tmp"), "half a write");
        File.WriteAllText(Path.Combine(node, "spool", "notes.json"), "not the publisher's");

        InventoryPublishReport report = await publisher.PublishAsync([Items.Make("Custom:A")]);

        // Without hashes, A goes in full again; broken spool files are kept for a person, the leftover removed, and a
        // file the publisher did not name left alone.
        Assert.Equal(InventoryItemStatus.Sent, Assert.Single(report.Items).Status);
        Assert.True(Puts[1].Items[0].HasContent);
        Assert.Equal(
            ["0000000000000000007.json.unreadable", "0000000000000000008.json.unreadable", "notes.json"],
            Directory.GetFiles(Path.Combine(node, "spool")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_second_publish_waits_for_the_state_folder()
    {
        using (await NodeState.OpenAsync(StateFolder.Path, Items.Node, CancellationToken.None))
        {
            Task<InventoryPublishReport> waiting = NewPublisher().PublishAsync([Items.Make("Custom:A")]);
            await Task.Delay(300);
            Assert.False(waiting.IsCompleted);
            Assert.Empty(Server.Requests);
        }

        await WaitUntil(() => Puts.Count == 1);
    }
}
