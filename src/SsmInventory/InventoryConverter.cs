namespace SsmInventory;

/// <summary>
/// Converts values of a type the library does not know to and from an SSM attribute value.
/// Apply it to a property with <see cref="InventoryConverterAttribute"/>. Null values never reach a converter:
/// a null property omits the attribute, and an absent attribute reads back as null or default.
/// </summary>
/// <typeparam name="T">The property's type (for a nullable value type, its underlying type).</typeparam>
public abstract class InventoryConverter<T>
{
    /// <summary>Formats <paramref name="value"/> as an attribute value; returning null omits the attribute.</summary>
    public abstract string? Write(T value);

    /// <summary>Parses an attribute value. Throw <see cref="FormatException"/> for a value that is not valid.</summary>
    public abstract T Read(string value);
}
