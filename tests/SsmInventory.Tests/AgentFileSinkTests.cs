using System.Text;
using System.Text.Json;
using SsmInventory.AgentFiles;
using SsmInventory.Publishing;
using SsmInventory.Tests.Types;

namespace SsmInventory.Tests;

public sealed class AgentFileSinkTests : IDisposable
{
    private const string InstanceId = "i-0123456789abcdef0";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ssminv-agent-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private AgentFileSink Sink() => new(new AgentFileSinkOptions { InstanceId = InstanceId, Folder = _folder });

    private static InventoryItemData Racks(params string[] racks) =>
        InventoryItemData.Create(RackLocationInventory.TypeInfo, racks.Select((r, i) => new RackLocation("us-east-2", r, i)));

    private static InventoryItemData Item(string typeName, params Dictionary<string, string>[] rows) =>
        InventoryItemData.Create(typeName, "1.0", rows.ToList());

    private string[] JsonFiles() => Directory.GetFiles(_folder, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task Each_type_becomes_one_utf8_file_without_bom_in_the_agent_format()
    {
        InventoryItemData racks = Racks("R1", "R2");
        InventoryItemData empty = InventoryItemData.Create(PointInventory.TypeInfo, []);

        InventoryPublishReport report = await Sink().PublishAsync([racks, empty]);

        Assert.All(report.Items, o => Assert.Equal(InventoryItemStatus.Sent, o.Status));
        Assert.Equal(2, JsonFiles().Length);
        byte[] bytes = File.ReadAllBytes(Path.Combine(_folder, AgentFileName.For("Custom:Rack")));
        Assert.NotEqual(0xEF, bytes[0]);
        using JsonDocument file = JsonDocument.Parse(bytes);
        Assert.Equal("1.0", file.RootElement.GetProperty("SchemaVersion").GetString());
        Assert.Equal("Custom:Rack", file.RootElement.GetProperty("TypeName").GetString());
        Assert.Equal(2, file.RootElement.GetProperty("Content").GetArrayLength());

        using JsonDocument emptyFile = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, AgentFileName.For("Custom:Point"))));
        Assert.Equal(JsonValueKind.Array, emptyFile.RootElement.GetProperty("Content").ValueKind);
        Assert.Equal(0, emptyFile.RootElement.GetProperty("Content").GetArrayLength());
    }

    [Fact]
    public async Task The_agent_computes_the_same_ContentHash_from_the_file_as_PutInventory_sends()
    {
        InventoryItemData item = Item(
            "Custom:Escapes",
            new Dictionary<string, string> { ["html"] = "<a href=\"x\">&</a>", ["ls"] = "a\u2028b", ["slash"] = "a/b\\c", ["é"] = "😀", ["tab"] = "a\tb" },
            new Dictionary<string, string> { ["html"] = "second", ["back\bspace"] = "a\bb", ["form\ffeed"] = "a\fb" });

        await Sink().PublishAsync([item]);

        // What the agent does: read the file's Content back into rows and hash them.
        using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_folder, AgentFileName.For("Custom:Escapes"))));
        var rows = file.RootElement.GetProperty("Content").EnumerateArray()
            .Select(row => row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))
            .ToList();
        Assert.Equal(item.Content, rows);
        Assert.Equal(item.ContentHash, InventoryContentHash.Compute(rows));

        // Backspace and form feed are written as Go 1.22 and later write them, which the agent reads back as they were.
        string text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_folder, AgentFileName.For("Custom:Escapes"))));
        Assert.Contains("\"back\\bspace\":\"a\\bb\"", text);
        Assert.Contains("\"form\\ffeed\":\"a\\fb\"", text);
    }

    [Fact]
    public async Task An_item_with_a_Context_is_refused_because_agent_files_cannot_carry_one()
    {
        InventoryItemData withContext = Racks("R1").WithContext(new Dictionary<string, string> { ["ExecutionId"] = "run-1" });

        var error = await Assert.ThrowsAsync<InventoryValidationException>(() => Sink().PublishAsync([Item("Custom:Other"), withContext]));

        InventoryValidationProblem problem = Assert.Single(error.Problems);
        Assert.Equal("Custom:Rack", problem.TypeName);
        Assert.Contains("has a Context", problem.Message);
        Assert.Contains("custom inventory file cannot carry one", problem.Message);
        Assert.Contains("leave it out", problem.Message);
        Assert.False(Directory.Exists(_folder) && JsonFiles().Length > 0);

        await Sink().PublishAsync([Item("Custom:Other"), withContext.WithContext(new Dictionary<string, string>())]);
        Assert.Equal(2, JsonFiles().Length);
    }

    [Fact]
    public async Task Unchanged_content_is_not_rewritten()
    {
        await Sink().PublishAsync([Racks("R1")]);
        string path = Path.Combine(_folder, AgentFileName.For("Custom:Rack"));
        DateTime written = File.GetLastWriteTimeUtc(path);
        File.SetLastWriteTimeUtc(path, written.AddMinutes(-5));

        InventoryPublishReport report = await Sink().PublishAsync([Racks("R1")]);

        Assert.Equal(InventoryItemStatus.Unchanged, Assert.Single(report.Items).Status);
        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(path));

        report = await Sink().PublishAsync([Racks("R2")]);
        Assert.Equal(InventoryItemStatus.Sent, Assert.Single(report.Items).Status);
    }

    [Fact]
    public async Task Files_for_types_no_longer_reported_are_removed_but_only_its_own()
    {
        Directory.CreateDirectory(_folder);
        string foreign = Path.Combine(_folder, "someone-else.json");
        File.WriteAllText(foreign, "{\"SchemaVersion\":\"1.0\",\"TypeName\":\"Custom:Other\",\"Content\":[]}");

        await Sink().PublishAsync([Racks("R1"), Item("Custom:Gone", new Dictionary<string, string> { ["a"] = "b" })]);
        Assert.Equal(3, JsonFiles().Length);

        await Sink().PublishAsync([Racks("R1")]);

        Assert.Equal(new[] { "someone-else.json", AgentFileName.For("Custom:Rack") }.Order(StringComparer.Ordinal), JsonFiles());
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public async Task A_tampered_manifest_cannot_delete_other_files()
    {
        Directory.CreateDirectory(_folder);
        string outside = Path.Combine(Path.GetTempPath(), "ssminv-outside-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(outside, "keep");
        try
        {
            File.WriteAllText(Path.Combine(_folder, AgentFileSink.ManifestFileName), $"../{Path.GetFileName(outside)}\nsomeone-else.json\n{outside}\n");
            File.WriteAllText(Path.Combine(_folder, "someone-else.json"), "{}");

            await Sink().PublishAsync([Racks("R1")]);

            Assert.True(File.Exists(outside));
            Assert.True(File.Exists(Path.Combine(_folder, "someone-else.json")));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task The_folder_never_goes_past_twenty_json_files_counting_foreign_ones()
    {
        Directory.CreateDirectory(_folder);
        for (int i = 0; i < 18; i++)
        {
            File.WriteAllText(Path.Combine(_folder, $"other{i:00}.json"), "{}");
        }

        // Names that do not end in exactly ".json" are not read by the agent and do not count.
        File.WriteAllText(Path.Combine(_folder, "notes.JSON"), "{}");
        File.WriteAllText(Path.Combine(_folder, "draft.json.tmp"), "{}");

        var items = new[] { Racks("R1"), Item("Custom:A"), Item("Custom:B") };
        var error = await Assert.ThrowsAsync<InventoryValidationException>(() => Sink().PublishAsync(items));

        Assert.Contains("21 .json files", error.Message);
        Assert.Contains("18 written by something else", error.Message);
        Assert.Equal(18, JsonFiles().Length);

        InventoryPublishReport report = await Sink().PublishAsync(items.Take(2).ToArray());
        Assert.True(report.Succeeded);
        Assert.Equal(20, JsonFiles().Length);
    }

    [Fact]
    public async Task The_whole_folder_stays_under_the_agents_upload_guard()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(Path.Combine(_folder, "big.json"), new byte[(10240 * 1024) - 100]);

        var error = await Assert.ThrowsAsync<InventoryValidationException>(() => Sink().PublishAsync([Racks("R1")]));

        Assert.Contains("10240 KiB", error.Message);
        Assert.Single(JsonFiles());
    }

    [Theory]
    [InlineData("Custom:X/../../x")]
    [InlineData("Custom:X\\..\\..\\x")]
    [InlineData("Custom:X/etc/passwd")]
    [InlineData("Custom:Name with spaces:and:colons")]
    public async Task Type_names_cannot_escape_the_folder(string typeName)
    {
        await Sink().PublishAsync([Item(typeName, new Dictionary<string, string> { ["a"] = "b" })]);

        string file = Assert.Single(Directory.GetFiles(_folder, "*.json", SearchOption.AllDirectories));
        Assert.Equal(Path.GetFullPath(_folder), Path.GetDirectoryName(Path.GetFullPath(file)));
        Assert.Empty(Directory.GetDirectories(_folder));
    }

    [Theory]
    [InlineData("Custom:../../x")]
    [InlineData("..")]
    [InlineData("Custom:..\\..\\x")]
    [InlineData("/")]
    public void File_names_have_no_separators_or_dot_segments_whatever_the_type_name(string typeName)
    {
        string name = AgentFileName.For(typeName);
        Assert.Equal(name, Path.GetFileName(name));
        Assert.Matches("^[A-Za-z0-9_-]+-[0-9a-f]{8}\\.json$", name);
        Assert.True(AgentFileName.IsOwnFileName(name));
    }

    [Fact]
    public void Names_that_sanitise_alike_get_different_files()
    {
        Assert.NotEqual(AgentFileName.For("Custom:A/B"), AgentFileName.For("Custom:A_B"));
        Assert.Equal(AgentFileName.For("Custom:A/B"), AgentFileName.For("Custom:A/B"));
        Assert.Matches("^Custom_A_B-[0-9a-f]{8}\\.json$", AgentFileName.For("Custom:A/B"));
    }

    [Theory]
    [InlineData("AWS:Application")]
    [InlineData("custom:Lower")]
    [InlineData("Custom:lower")]
    public async Task Agent_rules_are_checked_before_anything_is_written(string typeName)
    {
        var error = await Assert.ThrowsAsync<InventoryValidationException>(() =>
            Sink().PublishAsync([Racks("R1"), Item(typeName, new Dictionary<string, string> { ["a"] = "b" })]));
        Assert.Contains(typeName, error.Message);
        Assert.False(Directory.Exists(_folder) && JsonFiles().Length > 0);
    }

    [Fact]
    public async Task Concurrent_writers_never_expose_a_partial_file()
    {
        // Values long enough that a non-atomic write would be caught half done.
        InventoryItemData[] versions = Enumerable.Range(0, 6)
            .Select(v => Item("Custom:Busy", Enumerable.Range(0, 200).Select(r => new Dictionary<string, string> { ["v"] = new string((char)('a' + v), 300), ["r"] = r.ToString(System.Globalization.CultureInfo.InvariantCulture) }).ToArray()))
            .ToArray();
        var hashes = versions.Select(v => v.ContentHash).ToHashSet();
        await Sink().PublishAsync([versions[0]]);

        using var stop = new CancellationTokenSource();
        string path = Path.Combine(_folder, AgentFileName.For("Custom:Busy"));
        int reads = 0;
        var reading = new TaskCompletionSource();
        Task reader = Task.Run(() =>
        {
            // Reads until the writers are done, and at least once, so the writers always race a reader.
            try
            {
                do
                {
                    using JsonDocument file = JsonDocument.Parse(File.ReadAllBytes(path));
                    var rows = file.RootElement.GetProperty("Content").EnumerateArray()
                        .Select(row => row.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)).ToList();
                    Assert.Contains(InventoryContentHash.Compute(rows), hashes);
                    Interlocked.Increment(ref reads);
                    reading.TrySetResult();
                }
                while (!stop.IsCancellationRequested);
            }
            catch (Exception exception)
            {
                reading.TrySetException(exception);
                throw;
            }
        });
        await reading.Task;

        Task[] writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            for (int i = 0; i < 15; i++)
            {
                await Sink().PublishAsync([versions[(w + i) % versions.Length]]);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        stop.Cancel();
        await reader;

        Assert.True(reads > 0);
        Assert.Single(JsonFiles());
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task A_crash_between_write_and_rename_leaves_only_an_ignored_temporary_file_which_the_next_run_removes()
    {
        await Sink().PublishAsync([Racks("R1")]);
        string final = Path.Combine(_folder, AgentFileName.For("Custom:Rack"));
        byte[] before = File.ReadAllBytes(final);

        // What a process killed mid-write leaves behind: a half-written temporary file next to the intact one.
        string abandoned = final + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(abandoned, "{\"SchemaVersion\":\"1.0\",\"TypeName\":\"Custom:Ra");
        string foreignTemporary = Path.Combine(_folder, "someone-else.json.tmp");
        File.WriteAllText(foreignTemporary, "{");

        Assert.Equal(before, File.ReadAllBytes(final));
        Assert.DoesNotContain(Directory.GetFiles(_folder), f => f.EndsWith(".json", StringComparison.Ordinal) && f != final);

        await Sink().PublishAsync([Racks("R1")]);

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(foreignTemporary));
    }

    [Fact]
    public void The_default_folder_follows_the_agent_and_rejects_ids_that_are_not_node_ids()
    {
        string folder = AgentInventoryFolder.For(InstanceId);
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("/var/lib/amazon/ssm/i-0123456789abcdef0/inventory/custom", folder);
        }

        Assert.Throws<ArgumentException>(() => AgentInventoryFolder.For("../../etc"));
        Assert.Throws<ArgumentException>(() => AgentInventoryFolder.For("i-0123456789abcdef0/../x"));
        Assert.Throws<ArgumentException>(() => new AgentFileSink(new AgentFileSinkOptions()));
    }

    [Fact]
    public async Task The_sink_writes_through_the_shared_sink_contract()
    {
        IInventorySink sink = Sink();
        InventoryPublishReport report = await sink.PublishAsync([Racks("R1")]);
        Assert.Equal(InstanceId, report.InstanceId);
        Assert.Equal("Custom:Rack", Assert.Single(report.Sent).TypeName);
        Assert.Equal(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(_folder, AgentFileSink.ManifestFileName))), AgentFileName.For("Custom:Rack") + "\n");
    }

    [Fact]
    public async Task Each_file_is_counted_by_what_became_of_it_on_the_SsmInventory_meter()
    {
        // Only this test writes these types, so measurements of tests running beside it do not count.
        string[] types = ["Custom:MeteredA", "Custom:MeteredB", "Custom:MeteredC"];
        var measured = new System.Collections.Concurrent.ConcurrentQueue<(long Value, Dictionary<string, object?> Tags)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "SsmInventory" && instrument.Name == "ssm_inventory.agent_file.items" && instrument.Unit == "{item}")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            Dictionary<string, object?> byKey = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (types.Contains(byKey["ssm_inventory.type_name"]))
            {
                measured.Enqueue((value, byKey));
            }
        });
        listener.Start();

        AgentFileSink sink = Sink();
        Directory.CreateDirectory(sink.FilePathFor(types[2]));
        InventoryPublishReport first = await sink.PublishAsync([Item(types[0], new Dictionary<string, string> { ["N"] = "1" }), Item(types[1], new Dictionary<string, string> { ["N"] = "1" }), Item(types[2])]);
        await sink.PublishAsync([Item(types[0], new Dictionary<string, string> { ["N"] = "1" }), Item(types[1], new Dictionary<string, string> { ["N"] = "2" }), Item(types[2])]);

        long Count(string status, string type) => measured.Where(m => Equals(m.Tags["ssm_inventory.item.status"], status) && Equals(m.Tags["ssm_inventory.type_name"], type)).Sum(m => m.Value);
        Assert.Equal(6, measured.Count);
        Assert.Equal(1, Count("written", types[0]));
        Assert.Equal(1, Count("unchanged", types[0]));
        Assert.Equal(2, Count("written", types[1]));
        Assert.Equal(2, Count("failed", types[2]));
        Assert.NotNull(first.Items[2].ErrorCode);
        Assert.All(measured.Where(m => Equals(m.Tags["ssm_inventory.item.status"], "failed")), m => Assert.Equal(first.Items[2].ErrorCode, m.Tags["error.type"]));
        Assert.All(measured.Where(m => !Equals(m.Tags["ssm_inventory.item.status"], "failed")), m => Assert.False(m.Tags.ContainsKey("error.type")));
    }
}
