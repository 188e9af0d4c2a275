namespace SsmInventory.Metadata;

/// <summary>What the runtime knows of an inventory type without reflection: its TypeName, SchemaVersion and attributes.</summary>
public abstract class InventoryTypeInfo
{
    private protected InventoryTypeInfo(Type type, string typeName, string schemaVersion, InventoryAttributeInfo[] attributes)
    {
        Type = type;
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        Attributes = Array.AsReadOnly(attributes);
    }

    /// <summary>The .NET type.</summary>
    public Type Type { get; }

    /// <summary>The SSM TypeName, such as <c>Custom:Certificate</c>.</summary>
    public string TypeName { get; }

    /// <summary>The SchemaVersion, such as <c>1.0</c>.</summary>
    public string SchemaVersion { get; }

    /// <summary>The attributes a row can carry, in declaration order (base class first).</summary>
    public IReadOnlyList<InventoryAttributeInfo> Attributes { get; }
}

/// <summary>
/// The generated, reflection-free contract for one inventory type: writes instances as SSM Content rows and reads rows
/// (as PutInventory sends them and ListInventoryEntries or GetInventory return them) back into instances.
/// Generated code derives from it; users get an instance from the generated <c>{Name}Inventory.TypeInfo</c>.
/// </summary>
/// <typeparam name="T">The annotated type.</typeparam>
public abstract class InventoryTypeInfo<T> : InventoryTypeInfo
{
    /// <summary>Called by generated code.</summary>
    protected InventoryTypeInfo(string typeName, string schemaVersion, InventoryAttributeInfo[] attributes)
        : base(typeof(T), typeName, schemaVersion, attributes)
    {
    }

    /// <summary>
    /// Writes one instance as a new row, which the caller owns: <see cref="InventoryItemData.Create{T}"/> keeps it without
    /// copying. A null property leaves its attribute out of the row.
    /// </summary>
    public abstract Dictionary<string, string> WriteRow(T value);

    /// <summary>Reads one row into an instance.</summary>
    /// <param name="row">The row's attributes.</param>
    /// <param name="rowIndex">The row's index in its Content, named in errors.</param>
    /// <exception cref="InventoryReadException">An attribute is missing or has a value that does not parse.</exception>
    public abstract T ReadRow(IReadOnlyDictionary<string, string> row, int rowIndex = 0);

    /// <summary>Writes instances as Content rows, in the shape the AWS SDK's <c>InventoryItem.Content</c> takes.</summary>
    public List<Dictionary<string, string>> WriteContent(IEnumerable<T> values)
    {
        if (values is null)
        {
            throw new ArgumentNullException(nameof(values));
        }

        var content = values is ICollection<T> collection
            ? new List<Dictionary<string, string>>(collection.Count)
            : new List<Dictionary<string, string>>();
        foreach (T value in values)
        {
            if (value is null)
            {
                throw new ArgumentException(
                    $"Element {content.Count} of the values for {TypeName} is null; each element becomes one row, so it must not be null.",
                    nameof(values));
            }

            content.Add(WriteRow(value));
        }

        return content;
    }

    /// <summary>Reads Content rows, such as ListInventoryEntries' <c>Entries</c>, into instances.</summary>
    /// <exception cref="InventoryReadException">A row is missing an attribute or has a value that does not parse.</exception>
    public List<T> ReadContent(IEnumerable<IReadOnlyDictionary<string, string>>? rows)
    {
        // The AWS SDK v4 returns null for "no rows".
        if (rows is null)
        {
            return [];
        }

        var values = rows is IReadOnlyCollection<IReadOnlyDictionary<string, string>> collection
            ? new List<T>(collection.Count)
            : new List<T>();
        foreach (IReadOnlyDictionary<string, string> row in rows)
        {
            if (row is null)
            {
                throw new InventoryReadException(TypeName, Type, values.Count, attributeName: null, value: null, "the row is null");
            }

            values.Add(ReadRow(row, values.Count));
        }

        return values;
    }

    /// <summary>Creates the error generated code throws for a value that does not parse.</summary>
    protected InventoryReadException InvalidValue(int rowIndex, string attributeName, string value, string expected, Exception? innerException = null) =>
        new(TypeName, Type, rowIndex, attributeName, value, "it is not " + expected, innerException);

    /// <summary>Creates the error generated code throws for an attribute the row lacks but the type requires.</summary>
    protected InventoryReadException MissingAttribute(int rowIndex, string attributeName) =>
        new(TypeName, Type, rowIndex, attributeName, value: null, "the row has no such attribute and the property cannot be null");

    /// <summary>Creates the error generated code throws when the type has no constructor it can read rows with.</summary>
    protected NotSupportedException NotReadable(string reason) =>
        new($"Rows of {TypeName} cannot be read into {Type}: {reason}.");
}
