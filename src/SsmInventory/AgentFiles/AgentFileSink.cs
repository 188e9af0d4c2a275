using System.Text;
using SsmInventory.Publishing;

namespace SsmInventory.AgentFiles;

/// <summary>Settings of an <see cref="AgentFileSink"/>.</summary>
public sealed class AgentFileSinkOptions
{
    /// <summary>The managed node's id (<c>i-…</c> or <c>mi-…</c>); it names the agent's folder.</summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// The folder to write to instead of the agent's default for <see cref="InstanceId"/>, as the inventory association's
    /// <c>CustomInventoryDirectory</c> input sets it.
    /// </summary>
    public string? Folder { get; set; }
}

/// <summary>
/// Writes each item as an SSM Agent custom inventory file, which the agent uploads on its next inventory run; the
/// application needs no AWS credentials. One file per TypeName, UTF-8 without BOM, written through a temporary file and
/// renamed so no partial file ever carries a <c>.json</c> name. Every call publishes the complete set of types this
/// program reports: files it wrote earlier for types no longer in the set are removed, and files it did not write are
/// never touched.
/// </summary>
public sealed class AgentFileSink : IInventorySink
{
    /// <summary>Lists the files this sink wrote; not <c>.json</c>, so the agent ignores it.</summary>
    public const string ManifestFileName = ".ssminventory-files";

    private const string LockFileName = ".ssminventory-lock";
    private const string TemporarySuffix = ".tmp";
    private static readonly TimeSpan s_lockRetryDelay = TimeSpan.FromMilliseconds(20);

    private readonly string _instanceId;

    /// <summary>Creates the sink.</summary>
    /// <exception cref="ArgumentException">No <see cref="AgentFileSinkOptions.InstanceId"/>, or one that is not a managed node id.</exception>
    public AgentFileSink(AgentFileSinkOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _instanceId = options.InstanceId
            ?? throw new ArgumentException("AgentFileSinkOptions.InstanceId is required: the agent's files belong to one managed node.", nameof(options));
        Folder = Path.GetFullPath(options.Folder ?? AgentInventoryFolder.For(_instanceId));
    }

    /// <summary>The folder the files are written to.</summary>
    public string Folder { get; }

    /// <summary>The file an item of <paramref name="typeName"/> is written to (a sanitised name inside <see cref="Folder"/>).</summary>
    public string FilePathFor(string typeName) => Path.Combine(Folder, AgentFileName.For(typeName));

    /// <summary>
    /// Validates every item against the agent's rules and the folder's limits (at most 20 <c>.json</c> files, counting
    /// files this sink did not write, and at most 10,240 KiB in all), then writes the files.
    /// </summary>
    /// <exception cref="InventoryValidationException">A rule is broken; nothing was written.</exception>
    public Task<InventoryPublishReport> PublishAsync(IReadOnlyList<InventoryItemData> items, CancellationToken cancellationToken = default)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        InventoryValidator.ThrowIfInvalid(_instanceId, items, InventoryValidationRules.AgentFile);
        var files = items.Select(item => (Item: item, Name: AgentFileName.For(item.TypeName), Bytes: AgentFileFormat.Serialize(item))).ToList();

        Directory.CreateDirectory(Folder);
        using FileStream folderLock = AcquireLock(cancellationToken);
        HashSet<string> owned = ReadManifest();
        ThrowIfFolderLimitsBroken(files.Select(f => (f.Name, f.Bytes.LongLength)).ToList(), owned);

        var outcomes = new List<InventoryItemOutcome>(files.Count);
        foreach ((InventoryItemData item, string name, byte[] bytes) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            InventoryItemOutcome outcome = Write(item, name, bytes);
            AgentFileMetrics.Record(outcome);
            outcomes.Add(outcome);
        }

        var current = new HashSet<string>(files.Select(f => f.Name), StringComparer.Ordinal);
        foreach (string stale in owned.Where(name => !current.Contains(name)))
        {
            File.Delete(Path.Combine(Folder, stale));
        }

        WriteManifest(current);
        DeleteAbandonedTemporaryFiles();
        return Task.FromResult(new InventoryPublishReport(_instanceId, outcomes));
    }

    private InventoryItemOutcome Write(InventoryItemData item, string name, byte[] bytes)
    {
        string path = Path.Combine(Folder, name);
        try
        {
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                return new InventoryItemOutcome(item.TypeName, InventoryItemStatus.Unchanged);
            }

            WriteAtomically(path, bytes);
            return new InventoryItemOutcome(item.TypeName, InventoryItemStatus.Sent);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new InventoryItemOutcome(
                item.TypeName,
                InventoryItemStatus.Failed,
                exception.GetType().Name,
                $"Could not write {path}: {exception.Message} The agent's folder is owned by root (Administrators on Windows); run as that user or grant write access.");
        }
    }

    /// <summary>Writes a uniquely named temporary file, flushes it to disk, then renames it over the target.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N") + TemporarySuffix;
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }

            Replace(temporary, path);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static void Replace(string source, string destination)
    {
#if NET8_0_OR_GREATER
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, destinationBackupFileName: null);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }

    private void ThrowIfFolderLimitsBroken(List<(string Name, long Bytes)> files, HashSet<string> owned)
    {
        var mine = new HashSet<string>(files.Select(f => f.Name), StringComparer.Ordinal);
        var foreign = Directory.EnumerateFiles(Folder)
            .Select(path => new FileInfo(path))
            .Where(file => AgentFileName.IsReadByAgent(file.Name) && !mine.Contains(file.Name) && !owned.Contains(file.Name))
            .ToList();

        var problems = new List<InventoryValidationProblem>();
        int fileCount = foreign.Count + files.Count;
        if (fileCount > InventoryLimits.MaxAgentFiles)
        {
            problems.Add(new InventoryValidationProblem(
                null, null, null,
                limit: $"at most {InventoryLimits.MaxAgentFiles} .json files in the folder",
                actual: $"{fileCount} files ({foreign.Count} not written by this program)",
                message: $"{Folder} would hold {fileCount} .json files ({foreign.Count} written by something else, {files.Count} from this program). With more than {InventoryLimits.MaxAgentFiles}, the SSM Agent fails the node's whole inventory run and uploads nothing, not even the AWS types. Publish fewer types or remove files you no longer need."));
        }

        long totalBytes = foreign.Sum(f => f.Length) + files.Sum(f => f.Bytes);
        if (totalBytes >= InventoryLimits.MaxAgentUploadBytes)
        {
            problems.Add(new InventoryValidationProblem(
                null, null, null,
                limit: $"under {InventoryLimits.MaxAgentUploadBytes / 1024} KiB of custom inventory files in all",
                actual: $"{totalBytes} bytes",
                message: $"{Folder} would hold {totalBytes} bytes of custom inventory; at {InventoryLimits.MaxAgentUploadBytes / 1024} KiB or more the SSM Agent uploads nothing. Send fewer rows."));
        }

        if (problems.Count > 0)
        {
            throw new InventoryValidationException(problems);
        }
    }

    /// <summary>Serialises publishers in this and other processes, so the manifest and the files agree.</summary>
    private FileStream AcquireLock(CancellationToken cancellationToken)
    {
        string path = Path.Combine(Folder, LockFileName);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                cancellationToken.WaitHandle.WaitOne(s_lockRetryDelay);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    // Only names this sink could have written are trusted, so an edited manifest can never delete anything else.
    private HashSet<string> ReadManifest()
    {
        string path = Path.Combine(Folder, ManifestFileName);
        var owned = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (string line in File.ReadAllLines(path, Encoding.UTF8))
            {
                if (AgentFileName.IsOwnFileName(line))
                {
                    owned.Add(line);
                }
            }
        }

        return owned;
    }

    private void WriteManifest(IEnumerable<string> names) =>
        WriteAtomically(
            Path.Combine(Folder, ManifestFileName),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(string.Concat(names.OrderBy(n => n, StringComparer.Ordinal).Select(n => n + "\n"))));

    // A process that died between writing and renaming leaves its temporary file; the lock means none is in use now.
    private void DeleteAbandonedTemporaryFiles()
    {
        foreach (string path in Directory.EnumerateFiles(Folder, "*" + TemporarySuffix))
        {
            string name = Path.GetFileName(path);
            int json = name.IndexOf(AgentFileName.Extension + ".", StringComparison.Ordinal);
            string owner = json < 0 ? name : name.Substring(0, json + AgentFileName.Extension.Length);
            if (AgentFileName.IsOwnFileName(owner) || owner.StartsWith(ManifestFileName, StringComparison.Ordinal))
            {
                File.Delete(path);
            }
        }
    }
}
