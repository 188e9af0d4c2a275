namespace SsmInventory.Publishing;

/// <summary>One broken rule: where (type, row, attribute), which limit, and the actual size or count (never the value itself).</summary>
public sealed class InventoryValidationProblem
{
    /// <summary>Creates the problem.</summary>
    public InventoryValidationProblem(string? typeName, int? rowIndex, string? attributeName, string limit, string actual, string message)
    {
        TypeName = typeName;
        RowIndex = rowIndex;
        AttributeName = attributeName;
        Limit = limit;
        Actual = actual;
        Message = message;
    }

    /// <summary>The item's TypeName, or null for a request-level problem such as the InstanceId.</summary>
    public string? TypeName { get; }

    /// <summary>The row, when the problem is in one.</summary>
    public int? RowIndex { get; }

    /// <summary>The attribute, when the problem is in one.</summary>
    public string? AttributeName { get; }

    /// <summary>The rule or limit, such as <c>attribute value at most 4096 UTF-8 bytes</c>.</summary>
    public string Limit { get; }

    /// <summary>What was found, such as <c>5120 bytes</c>.</summary>
    public string Actual { get; }

    /// <summary>A full sentence saying what, where, which limit, and how to fix it.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}

/// <summary>Items broke limits the service or the SSM Agent enforce. Nothing was submitted.</summary>
public sealed class InventoryValidationException : Exception
{
    /// <summary>Creates the exception from every problem found.</summary>
    public InventoryValidationException(IReadOnlyList<InventoryValidationProblem> problems)
        : base(BuildMessage(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, not just the first.</summary>
    public IReadOnlyList<InventoryValidationProblem> Problems { get; }

    private static string BuildMessage(IReadOnlyList<InventoryValidationProblem> problems) =>
        $"{problems.Count} inventory validation problem(s); nothing was submitted:" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "- " + p.Message));
}
