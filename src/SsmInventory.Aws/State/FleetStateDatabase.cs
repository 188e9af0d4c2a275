using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SsmInventory.Aws.State;

/// <summary>
/// The state of a fleet publish in one SQLite database, <c>{StateDirectory}/fleet-state.db</c>: for every node, each
/// type's accepted ContentHash, the spool of items not yet accepted, and the Content bytes accepted per UTC day. The
/// database runs in WAL mode with <c>synchronous=FULL</c>, so every committed transaction survives a killed process
/// (and a power cut). One process at a time: an open instance holds <c>fleet-state.lock</c>.
/// </summary>
internal sealed class FleetStateDatabase : IDisposable
{
    public const string FileName = "fleet-state.db";
    private const string LockFileName = "fleet-state.lock";

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        CREATE TABLE IF NOT EXISTS content_hash (node TEXT NOT NULL, type_name TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (node, type_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS spool (node TEXT NOT NULL, type_name TEXT NOT NULL, entry BLOB NOT NULL, PRIMARY KEY (node, type_name)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS spool_unreadable (node TEXT NOT NULL, type_name TEXT NOT NULL, entry BLOB NOT NULL, set_aside TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS accepted_bytes (node TEXT NOT NULL, utc_day TEXT NOT NULL, bytes INTEGER NOT NULL, PRIMARY KEY (node, utc_day)) WITHOUT ROWID;
        """;

    private readonly FileStream _lock;
    private readonly SqliteConnection _connection;

    // One connection, used by one caller at a time; SQLite serialises writers anyway.
    private readonly object _gate = new();

    private FleetStateDatabase(string path, FileStream lockFile, SqliteConnection connection)
    {
        Path = path;
        _lock = lockFile;
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Opens or creates the database in <paramref name="stateDirectory"/>.</summary>
    /// <exception cref="InvalidOperationException">Another process has the state folder open.</exception>
    public static FleetStateDatabase Open(string stateDirectory)
    {
        string directory = System.IO.Path.GetFullPath(stateDirectory);
        Directory.CreateDirectory(directory);
        string lockPath = System.IO.Path.Combine(directory, LockFileName);
        FileStream lockFile;
        try
        {
            // FileShare.None is an exclusive lock between processes; the OS drops it when a process dies.
            lockFile = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException(
                $"Another process is publishing with the state folder {directory} ({LockFileName} is locked). "
                + "Only one process may use a state folder at a time: wait for it to finish, or give this one its own state folder.",
                e);
        }

        string path = System.IO.Path.Combine(directory, FileName);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, null, Schema);
            return new FleetStateDatabase(path, lockFile, connection);
        }
        catch
        {
            connection.Dispose();
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>The state of one node, a view on this database; disposing it leaves the database open.</summary>
    /// <param name="instanceId">A validated instance id.</param>
    public INodeState ForNode(string instanceId) => new NodeView(this, instanceId);

    /// <summary>The nodes with items in the spool, in id order.</summary>
    public List<string> SpooledNodes()
    {
        var nodes = new List<string>();
        lock (_gate)
        {
            using SqliteCommand command = Command(_connection, null, "SELECT DISTINCT node FROM spool ORDER BY node;");
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                nodes.Add(reader.GetString(0));
            }
        }

        return nodes;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _connection.Dispose();
        _lock.Dispose();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    private static byte[] Serialize(SpoolEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            entry.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture);

    /// <summary>One node's rows of the database.</summary>
    private sealed class NodeView(FleetStateDatabase database, string instanceId) : INodeState
    {
        public string Location => $"{database.Path} (node {instanceId})";

        public Dictionary<string, string> LoadHashes(out bool unreadable)
        {
            unreadable = false;
            var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
            lock (database._gate)
            {
                using SqliteCommand command = Command(database._connection, null, "SELECT type_name, hash FROM content_hash WHERE node = $node;", ("$node", instanceId));
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    hashes[reader.GetString(0)] = reader.GetString(1);
                }
            }

            return hashes;
        }

        public long? AcceptedContentBytes(DateOnly utcDay)
        {
            lock (database._gate)
            {
                using SqliteCommand command = Command(
                    database._connection,
                    null, "SELECT bytes FROM accepted_bytes WHERE node = $node AND utc_day = $day;", ("$node", instanceId), ("$day", Day(utcDay)));
                return command.ExecuteScalar() is long bytes ? bytes : 0;
            }
        }

        public void SaveAccepted(IReadOnlyDictionary<string, string> hashes, bool hashesChanged, long contentBytes, DateOnly utcDay)
        {
            lock (database._gate)
            {
                using SqliteTransaction transaction = database._connection.BeginTransaction();
                if (hashesChanged)
                {
                    Execute(database._connection, transaction, "DELETE FROM content_hash WHERE node = $node;", ("$node", instanceId));
                    foreach (KeyValuePair<string, string> hash in hashes)
                    {
                        Execute(database._connection, transaction, "INSERT INTO content_hash (node, type_name, hash) VALUES ($node, $type, $hash);",
                            ("$node", instanceId), ("$type", hash.Key), ("$hash", hash.Value));
                    }
                }

                if (contentBytes > 0)
                {
                    // Days before this one no longer matter to the quota.
                    Execute(database._connection, transaction, "DELETE FROM accepted_bytes WHERE node = $node AND utc_day < $day;", ("$node", instanceId), ("$day", Day(utcDay)));
                    Execute(database._connection, transaction,
                        "INSERT INTO accepted_bytes (node, utc_day, bytes) VALUES ($node, $day, $bytes) ON CONFLICT (node, utc_day) DO UPDATE SET bytes = bytes + excluded.bytes;",
                        ("$node", instanceId), ("$day", Day(utcDay)), ("$bytes", contentBytes));
                }

                transaction.Commit();
            }
        }

        public List<SpoolEntry> LoadSpool(out List<string> unreadable)
        {
            unreadable = [];
            var rows = new List<(string TypeName, byte[] Entry)>();
            lock (database._gate)
            {
                using SqliteCommand command = Command(database._connection, null, "SELECT type_name, entry FROM spool WHERE node = $node ORDER BY type_name;", ("$node", instanceId));
                using SqliteDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    rows.Add((reader.GetString(0), (byte[])reader.GetValue(1)));
                }
            }

            var entries = new List<SpoolEntry>(rows.Count);
            foreach ((string typeName, byte[] entry) in rows)
            {
                try
                {
                    using JsonDocument document = JsonDocument.Parse(entry);
                    entries.Add(SpoolEntry.Read(document.RootElement));
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or ArgumentException or FormatException)
                {
                    SetAside(typeName, entry);
                    unreadable.Add($"{Location}, spooled {typeName} (moved to table spool_unreadable)");
                }
            }

            return entries;
        }

        public void Spool(IReadOnlyCollection<SpoolEntry> entries)
        {
            lock (database._gate)
            {
                using SqliteTransaction transaction = database._connection.BeginTransaction();
                Insert(transaction, entries);
                transaction.Commit();
            }
        }

        public void ReplaceSpool(IReadOnlyCollection<SpoolEntry> remaining)
        {
            lock (database._gate)
            {
                using SqliteTransaction transaction = database._connection.BeginTransaction();
                Execute(database._connection, transaction, "DELETE FROM spool WHERE node = $node;", ("$node", instanceId));
                Insert(transaction, remaining);
                transaction.Commit();
            }
        }

        public void Dispose()
        {
            // A view: the database stays open for the other nodes.
        }

        private void Insert(SqliteTransaction transaction, IReadOnlyCollection<SpoolEntry> entries)
        {
            foreach (SpoolEntry entry in entries)
            {
                Execute(database._connection, transaction,
                    "INSERT INTO spool (node, type_name, entry) VALUES ($node, $type, $entry) ON CONFLICT (node, type_name) DO UPDATE SET entry = excluded.entry;",
                    ("$node", instanceId), ("$type", entry.Item.TypeName), ("$entry", Serialize(entry)));
            }
        }

        private void SetAside(string typeName, byte[] entry)
        {
            lock (database._gate)
            {
                using SqliteTransaction transaction = database._connection.BeginTransaction();
                Execute(database._connection, transaction,
                    "INSERT INTO spool_unreadable (node, type_name, entry, set_aside) VALUES ($node, $type, $entry, $at);",
                    ("$node", instanceId), ("$type", typeName), ("$entry", entry), ("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
                Execute(database._connection, transaction, "DELETE FROM spool WHERE node = $node AND type_name = $type;", ("$node", instanceId), ("$type", typeName));
                transaction.Commit();
            }
        }
    }
}
