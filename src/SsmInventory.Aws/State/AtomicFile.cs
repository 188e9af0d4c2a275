namespace SsmInventory.Aws.State;

/// <summary>Replaces files so that a reader, or a process killed halfway, sees either the old content or the new, never a mix.</summary>
internal static class AtomicFile
{
    /// <summary>The ending of files still being written; the name is never a state file's own.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Writes <paramref name="content"/> to a temporary file beside <paramref name="path"/>, flushes it to disk, then renames it over <paramref name="path"/>.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        // A unique name, so that a crashed writer's leftover never collides with the next write.
        string temporary = $"{path}.{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Deletes leftovers of writes a killed process never finished; the files they were meant to replace are intact.</summary>
    public static void DeleteLeftovers(string directory)
    {
        foreach (string leftover in Directory.EnumerateFiles(directory, "*" + TemporarySuffix))
        {
            TryDelete(leftover);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for DeleteLeftovers on the next run.
        }
    }
}
