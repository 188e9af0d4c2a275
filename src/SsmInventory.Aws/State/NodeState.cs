using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace SsmInventory.Aws.State;

/// <summary>
/// What the publisher keeps on disk for one managed node, under <c>{StateDirectory}/{InstanceId}/</c>:
/// <c>content-hashes.json</c>, each type's ContentHash as the service last accepted it (the SSM Agent keeps the same),
/// and <c>spool/</c>, the items the service has not accepted yet: numbered files, each a JSON array of entries written
/// in one go, where a later file's entry replaces an earlier one of its type. Type names never reach a path.
/// Every file is written atomically. An open instance holds <c>publish.lock</c>, so one publish at a time uses the folder.
/// </summary>
internal sealed class NodeState : INodeState
{
    private const string HashFileName = "content-hashes.json";
    private const string SpoolFolderName = "spool";
    private const string LockFileName = "publish.lock";
    private const string SpoolFileExtension = ".json";
    private const string UnreadableExtension = ".unreadable";

    // Spool files are named by a sequence number, zero-padded to the 19 digits of long.MaxValue so that name order is
    // write order.
    private const string SequenceFormat = "D19";
    private const int SequenceDigits = 19;

    private static readonly TimeSpan s_lockPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromSeconds(30);

    private readonly FileStream _lock;
    private readonly string _hashFile;
    private readonly string _spoolDirectory;

    // The spool's files, oldest first, and the number of the newest.
    private readonly List<string> _spoolFiles;
    private long _lastSequence;

    private NodeState(string directory, FileStream lockFile)
    {
        Folder = directory;
        _lock = lockFile;
        _hashFile = Path.Combine(directory, HashFileName);
        _spoolDirectory = Path.Combine(directory, SpoolFolderName);
        _spoolFiles = [.. Directory.EnumerateFiles(_spoolDirectory, "*" + SpoolFileExtension).Where(f => SequenceOf(f) is not null).Order(StringComparer.Ordinal)];
        _lastSequence = _spoolFiles.Count == 0 ? 0 : SequenceOf(_spoolFiles[^1])!.Value;
    }

    /// <summary>The node's folder.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public string Location => Folder;

    /// <summary>Opens the node's folder, creating it, and waits for any other publish that uses it to finish.</summary>
    /// <param name="stateDirectory">The state folder.</param>
    /// <param name="instanceId">A validated instance id, which is safe as a folder name.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    public static async Task<NodeState> OpenAsync(string stateDirectory, string instanceId, CancellationToken cancellationToken)
    {
        if (!InventoryRules.IsValidInstanceId(instanceId))
        {
            throw new ArgumentException("The instance id must be validated before it names a folder.", nameof(instanceId));
        }

        string directory = Path.Combine(Path.GetFullPath(stateDirectory), instanceId);
        Directory.CreateDirectory(Path.Combine(directory, SpoolFolderName));
        FileStream lockFile = await AcquireLockAsync(Path.Combine(directory, LockFileName), cancellationToken).ConfigureAwait(false);
        AtomicFile.DeleteLeftovers(directory);
        AtomicFile.DeleteLeftovers(Path.Combine(directory, SpoolFolderName));
        return new NodeState(directory, lockFile);
    }

    /// <inheritdoc />
    public Dictionary<string, string> LoadHashes(out bool unreadable)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        unreadable = false;
        if (!File.Exists(_hashFile))
        {
            return hashes;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(_hashFile));
            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                hashes[property.Name] = property.Value.GetString() ?? throw new JsonException("A hash is null.");
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            unreadable = true;
            hashes.Clear();
        }

        return hashes;
    }

    /// <inheritdoc />
    /// <remarks>A folder per node serves a node publishing for itself, which keeps no daily count.</remarks>
    public long? AcceptedContentBytes(DateOnly utcDay) => null;

    /// <inheritdoc />
    public void SaveAccepted(IReadOnlyDictionary<string, string> hashes, bool hashesChanged, long contentBytes, DateOnly utcDay)
    {
        // A publish where nothing changed writes nothing.
        if (hashesChanged)
        {
            SaveHashes(hashes);
        }
    }

    /// <summary>Replaces the hash file.</summary>
    private void SaveHashes(IReadOnlyDictionary<string, string> hashes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (KeyValuePair<string, string> hash in hashes.OrderBy(h => h.Key, StringComparer.Ordinal))
            {
                writer.WriteString(hash.Key, hash.Value);
            }

            writer.WriteEndObject();
        }

        AtomicFile.Write(_hashFile, buffer.WrittenSpan);
    }

    /// <inheritdoc />
    /// <remarks>A file that cannot be read is renamed to <c>*.unreadable</c>.</remarks>
    public List<SpoolEntry> LoadSpool(out List<string> unreadableFiles)
    {
        var newest = new SortedDictionary<string, SpoolEntry>(StringComparer.Ordinal);
        unreadableFiles = [];
        foreach (string path in _spoolFiles.ToList())
        {
            try
            {
                foreach (SpoolEntry entry in ReadSpoolFile(path))
                {
                    newest[entry.Item.TypeName] = entry;
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
            {
                string aside = path + UnreadableExtension;
                File.Move(path, aside, overwrite: true);
                _spoolFiles.Remove(path);
                unreadableFiles.Add(aside);
            }
        }

        return [.. newest.Values];
    }

    /// <summary>The entries of one spool file, in the order written.</summary>
    /// <exception cref="JsonException">The file is not a spool file (other exceptions of reading JSON are possible too).</exception>
    public static List<SpoolEntry> ReadSpoolFile(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        return [.. document.RootElement.EnumerateArray().Select(SpoolEntry.Read)];
    }

    /// <summary>
    /// Writes <paramref name="entries"/> as the newest spool file, flushed to disk in one write, so that each replaces
    /// any spooled item of its type.
    /// </summary>
    public void Spool(IReadOnlyCollection<SpoolEntry> entries)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (SpoolEntry entry in entries)
            {
                entry.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        string path = Path.Combine(_spoolDirectory, (++_lastSequence).ToString(SequenceFormat, CultureInfo.InvariantCulture) + SpoolFileExtension);
        AtomicFile.Write(path, buffer.WrittenSpan);
        _spoolFiles.Add(path);
    }

    /// <summary>
    /// Makes <paramref name="remaining"/> the whole spool: written as the newest file unless empty, then every earlier
    /// file deleted, oldest first. A process killed halfway leaves only newer files, whose entries win.
    /// </summary>
    public void ReplaceSpool(IReadOnlyCollection<SpoolEntry> remaining)
    {
        List<string> earlier = [.. _spoolFiles];
        if (remaining.Count > 0)
        {
            Spool(remaining);
        }

        foreach (string path in earlier)
        {
            File.Delete(path);
            _spoolFiles.Remove(path);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    /// <summary>The sequence number a spool file's name holds, or null for any other file.</summary>
    private static long? SequenceOf(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path);
        return name.Length == SequenceDigits && name.All(char.IsAsciiDigit) && long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out long sequence)
            ? sequence
            : null;
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        DateTime deadline = DateTime.UtcNow + s_lockTimeout;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock between processes; the OS drops it when a process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(s_lockPollInterval, cancellationToken).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException(
                    $"Another publish has used the state folder {Path.GetDirectoryName(path)} for over {s_lockTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. "
                    + "Only one process may publish with a state folder at a time; give each its own StateDirectory.",
                    e);
            }
        }
    }
}
