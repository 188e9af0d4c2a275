namespace SsmInventory;

/// <summary>Sets the SSM attribute name a property is written as (by default, the property's name).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class InventoryNameAttribute : Attribute
{
    /// <summary>Sets the attribute name.</summary>
    public InventoryNameAttribute(string name) => Name = name;

    /// <summary>The SSM attribute name.</summary>
    public string Name { get; }
}

/// <summary>Leaves a property out of the inventory rows.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class InventoryIgnoreAttribute : Attribute
{
}

/// <summary>
/// Chooses the format string of a <see cref="DateTime"/>, <see cref="DateTimeOffset"/>, <c>DateOnly</c>, <c>TimeOnly</c>
/// or <see cref="TimeSpan"/> property. Values are written and read with this exact format and the invariant culture.
/// Use <c>"O"</c> for full precision; the default for dates is the AWS style <c>yyyy-MM-ddTHH:mm:ssZ</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class InventoryFormatAttribute : Attribute
{
    /// <summary>Sets the format.</summary>
    public InventoryFormatAttribute(string format) => Format = format;

    /// <summary>The .NET format string.</summary>
    public string Format { get; }
}

/// <summary>
/// Converts a property with a user converter: a non-abstract class deriving from <see cref="InventoryConverter{T}"/>
/// for the property's type, with a public parameterless constructor.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class InventoryConverterAttribute : Attribute
{
    /// <summary>Sets the converter type.</summary>
    public InventoryConverterAttribute(Type converterType) => ConverterType = converterType;

    /// <summary>The converter type.</summary>
    public Type ConverterType { get; }

    /// <summary>The DataType the converter's values report in the schema; <see cref="InventoryDataType.String"/> by default.</summary>
    public InventoryDataType DataType { get; set; }
}

/// <summary>Chooses the constructor used to read rows back into instances when a type has several.</summary>
[AttributeUsage(AttributeTargets.Constructor, AllowMultiple = false)]
public sealed class InventoryConstructorAttribute : Attribute
{
}
