using nietras.SeparatedValues;
using SsmInventory.Aws.Fleet;
using SsmInventory.Metadata;
using SsmInventory.Publishing;

namespace SsmInventory.Sample;

/// <summary>
/// A fleet CSV file, read and checked before anything is sent: a header row naming <c>InstanceId</c> and the attributes
/// of <see cref="ServerMetadata"/> in any order, then one row of that type per record (RFC 4180 quoting). The rows of one
/// InstanceId make one node, wherever they are in the file. Every problem is written as
/// <c>error: line N, column C: rule</c>; a bad row is left out and the other rows are kept.
/// </summary>
internal sealed class FleetCsv
{
    private const string InstanceIdColumn = "InstanceId";

    // Lines of a node shown in a message about the whole node; the rest are counted.
    private const int MaxLinesShown = 5;

    private static readonly InventoryTypeInfo<ServerMetadata> s_type = ServerMetadataInventory.TypeInfo;

    private readonly List<(string InstanceId, List<ServerMetadata> Rows)> _nodes;

    private FleetCsv(List<(string InstanceId, List<ServerMetadata> Rows)> nodes, int badRows, long bytes)
    {
        _nodes = nodes;
        BadRows = badRows;
        Bytes = bytes;
    }

    /// <summary>The nodes with at least one good row.</summary>
    public int Nodes => _nodes.Count;

    /// <summary>The good rows, which are sent.</summary>
    public int Rows => _nodes.Sum(node => node.Rows.Count);

    /// <summary>The rows left out because of an error.</summary>
    public int BadRows { get; }

    /// <summary>The nodes' items as JSON in PutInventory requests, as <see cref="InventoryJsonSize"/> counts them.</summary>
    public long Bytes { get; }

    /// <summary>The header the file must have, in the order the README shows it.</summary>
    public static string ExpectedHeader => string.Join(',', RequiredColumns());

    /// <summary>
    /// Reads and checks <paramref name="path"/>, writing each problem to <paramref name="errors"/>. Returns null when the
    /// file cannot be read as a fleet at all (it is empty, or its header lacks or repeats a column).
    /// </summary>
    public static FleetCsv? Read(string path, TextWriter errors, TimeProvider clock)
    {
        using SepReader reader = Sep.New(',')
            .Reader(options => options with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
            .FromFile(path);
        if (!reader.MoveNext())
        {
            errors.WriteLine($"error: line 1: the file is empty; its first line must be the header, {ExpectedHeader}.");
            return null;
        }

        string[] header = reader.Current[..].ToStringsArray();
        Dictionary<string, int>? columns = ReadHeader(header, errors);
        if (columns is null)
        {
            return null;
        }

        int instanceIdColumn = columns[InstanceIdColumn];
        var nodes = new OrderedDictionary<string, List<(int Line, ServerMetadata Value)>>(StringComparer.Ordinal);
        int badRows = 0;
        foreach (SepReader.Row row in reader)
        {
            int line = row.LineNumberFrom;
            if (row.ColCount == 1 && row.Span.IsEmpty)
            {
                continue;
            }

            if (row.ColCount != header.Length)
            {
                errors.WriteLine(row.ColCount < header.Length
                    ? $"error: line {line}, column {header[row.ColCount]}: the cell is missing; the row has {row.ColCount} cells and the header {header.Length}."
                    : $"error: line {line}: the row has {row.ColCount} cells and the header {header.Length}; quote a value that contains a comma.");
                badRows++;
                continue;
            }

            string instanceId = row[instanceIdColumn].ToString();
            var cells = new Dictionary<string, string>(s_type.Attributes.Count, StringComparer.Ordinal);
            foreach (InventoryAttributeInfo attribute in s_type.Attributes)
            {
                cells.Add(attribute.Name, row[columns[attribute.Name]].ToString());
            }

            ServerMetadata value = s_type.ReadRow(cells);
            if (!CheckRow(instanceId, value, line, errors, clock))
            {
                badRows++;
                continue;
            }

            if (!nodes.TryGetValue(instanceId, out List<(int Line, ServerMetadata Value)>? rows))
            {
                nodes.Add(instanceId, rows = []);
            }

            rows.Add((line, value));
        }

        // Rows that pass one by one can still break a limit together: the item's size, or the rows per item.
        var good = new List<(string InstanceId, List<ServerMetadata> Rows)>(nodes.Count);
        long bytes = 0;
        foreach ((string instanceId, List<(int Line, ServerMetadata Value)> rows) in nodes)
        {
            InventoryItemData item = InventoryItemData.Create(s_type, rows.Select(row => row.Value), clock);
            IReadOnlyList<InventoryValidationProblem> problems = InventoryValidator.Validate(instanceId, [item], InventoryValidationRules.PutInventory);
            foreach (InventoryValidationProblem problem in problems)
            {
                errors.WriteLine($"error: {Lines(rows)} (node {instanceId}): {problem.Message}");
            }

            if (problems.Count > 0)
            {
                badRows += rows.Count;
                continue;
            }

            good.Add((instanceId, rows.ConvertAll(row => row.Value)));
            bytes += InventoryJsonSize.Measure(item);
        }

        return new FleetCsv(good, badRows, bytes);
    }

    /// <summary>
    /// The nodes, one <see cref="FleetNode"/> with one item each, made as the publisher takes them: the item's CaptureTime
    /// is when it is sent.
    /// </summary>
    public IAsyncEnumerable<FleetNode> ToFleetNodes(TimeProvider clock) =>
        _nodes.Select(node => new FleetNode(node.InstanceId, [InventoryItemData.Create(s_type, node.Rows, clock)])).ToAsyncEnumerable();

    private static IEnumerable<string> RequiredColumns() => s_type.Attributes.Select(a => a.Name).Prepend(InstanceIdColumn);

    /// <summary>Each column's index, by name; null, with the problems written, when a column is missing or repeated.</summary>
    private static Dictionary<string, int>? ReadHeader(string[] header, TextWriter errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        bool valid = true;
        for (int i = 0; i < header.Length; i++)
        {
            if (!columns.TryAdd(header[i], i))
            {
                errors.WriteLine($"error: line 1, column {header[i]}: the header names it twice (columns {columns[header[i]] + 1} and {i + 1}); name each column once.");
                valid = false;
            }
        }

        foreach (string name in RequiredColumns().Where(name => !columns.ContainsKey(name)))
        {
            errors.WriteLine($"error: line 1, column {name}: the header has no such column; it must name {string.Join(", ", RequiredColumns())}, in any order.");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        // Extra columns are allowed, so an export from a CMDB can be used as it is; a misspelt one also shows as missing.
        foreach (string name in header.Except(RequiredColumns(), StringComparer.Ordinal))
        {
            errors.WriteLine($"note: line 1, column {name}: not an attribute of {s_type.TypeName}; its cells are not sent.");
        }

        return columns;
    }

    /// <summary>Checks one row on its own with the library's validator; false, with the problems written, when it breaks a rule.</summary>
    private static bool CheckRow(string instanceId, ServerMetadata value, int line, TextWriter errors, TimeProvider clock)
    {
        InventoryItemData item;
        try
        {
            item = InventoryItemData.Create(s_type, [value], clock);
        }
        catch (ArgumentException e)
        {
            // A character the SSM Agent's ContentHash cannot agree on; the message names the attribute.
            errors.WriteLine($"error: line {line}: {e.Message}");
            return false;
        }

        IReadOnlyList<InventoryValidationProblem> problems = InventoryValidator.Validate(instanceId, [item], InventoryValidationRules.PutInventory);
        foreach (InventoryValidationProblem problem in problems)
        {
            // A problem outside the item is about the request, and the only part of the request a row supplies is its
            // node. One about the item as a whole (its size) has no column, so its full message says what to do.
            string? column = problem.AttributeName ?? (problem.TypeName is null ? InstanceIdColumn : null);
            errors.WriteLine(column is null
                ? $"error: line {line}: {problem.Message}"
                : $"error: line {line}, column {column}: {problem.Limit}, found {problem.Actual}.");
        }

        return problems.Count == 0;
    }

    private static string Lines(List<(int Line, ServerMetadata Value)> rows) =>
        rows.Count == 1 ? $"line {rows[0].Line}"
        : rows.Count <= MaxLinesShown ? $"lines {string.Join(", ", rows.Select(row => row.Line))}"
        : $"lines {string.Join(", ", rows.Take(MaxLinesShown).Select(row => row.Line))} and {rows.Count - MaxLinesShown} more";
}
