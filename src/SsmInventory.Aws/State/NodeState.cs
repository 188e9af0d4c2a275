using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SsmInventory.Aws.State;

/// <summary>
/// What the publisher keeps on disk for one managed node, under <c>{StateDirectory}/{InstanceId}/</c>:
/// <c>content-hashes.json</c>, each type's ContentHash as the service last accepted it (the SSM Agent keeps the same),
/// and <c>spool/</c>, one file per type holding the newest item the service has not accepted yet.
/// Every file is replaced atomically. An open instance holds <c>publish.lock</c>, so one publish at a time uses the folder.
/// </summary>
internal sealed class NodeState : IDisposable
{
    private const string HashFileName = "content-hashes.json";
    private const string SpoolFolderName = "spool";
    private const string LockFileName = "publish.lock";
    private const string SpoolFileExtension = ".json";
    private const string UnreadableExtension = ".unreadable";

    // Characters of the TypeName kept in a spool file's name, for people looking at the folder; a hash makes it unique.
    private const int MaxReadableNameLength = 40;

    private static readonly TimeSpan s_lockPollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_lockTimeout = TimeSpan.FromSeconds(30);

    private readonly FileStream _lock;
    private readonly string _hashFile;
    private readonly string _spoolDirectory;

    private NodeState(string directory, FileStream lockFile)
    {
        Folder = directory;
        _lock = lockFile;
        _hashFile = Path.Combine(directory, HashFileName);
        _spoolDirectory = Path.Combine(directory, SpoolFolderName);
    }

    /// <summary>The node's folder.</summary>
    public string Folder { get; }

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

    /// <summary>The file name of a type's spool entry: readable, confined to the spool folder, and distinct for names that differ only in case.</summary>
    public static string SpoolFileName(string typeName)
    {
        var name = new StringBuilder(MaxReadableNameLength + 18);
        foreach (char c in typeName)
        {
            if (name.Length == MaxReadableNameLength)
            {
                break;
            }

            name.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(typeName));
        name.Append('-').Append(Convert.ToHexString(hash, 0, 8).ToLowerInvariant());
        return name.Append(SpoolFileExtension).ToString();
    }

    /// <summary>Each type's ContentHash as last accepted. An unreadable file counts as empty: that only costs a full resend.</summary>
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

    /// <summary>Replaces the hash file.</summary>
    public void SaveHashes(IReadOnlyDictionary<string, string> hashes)
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

    /// <summary>
    /// Every spooled item, in file name order. A file that cannot be read is renamed to <c>*.unreadable</c>, kept for a
    /// person to look at, and its path returned in <paramref name="unreadableFiles"/>.
    /// </summary>
    public List<SpoolEntry> LoadSpool(out List<string> unreadableFiles)
    {
        var entries = new List<SpoolEntry>();
        unreadableFiles = [];
        foreach (string path in Directory.EnumerateFiles(_spoolDirectory, "*" + SpoolFileExtension).Order(StringComparer.Ordinal))
        {
            try
            {
                entries.Add(SpoolEntry.Read(File.ReadAllBytes(path)));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
            {
                string aside = path + UnreadableExtension;
                File.Move(path, aside, overwrite: true);
                unreadableFiles.Add(aside);
            }
        }

        return entries;
    }

    /// <summary>Keeps <paramref name="entry"/> as its type's pending item, replacing any older one.</summary>
    public void Spool(SpoolEntry entry) =>
        AtomicFile.Write(Path.Combine(_spoolDirectory, SpoolFileName(entry.Item.TypeName)), entry.Write());

    /// <summary>Forgets a type's pending item once the service has accepted it.</summary>
    public void Unspool(string typeName) => File.Delete(Path.Combine(_spoolDirectory, SpoolFileName(typeName)));

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

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
