namespace SsmInventory.Generator.Model;

/// <summary>Everything the emitter needs for one <c>[InventoryType]</c> type: strings, enums and arrays only, never symbols.</summary>
internal sealed record InventoryTypeSpec(
    string? Namespace,
    string GeneratedClassName,
    bool IsPublic,
    string FullyQualifiedName,
    bool IsValueType,
    string TypeName,
    string SchemaVersion,
    EquatableArray<PropertySpec> Properties,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<int> ConstructorArguments,
    string? NotReadableReason);

/// <summary>
/// One property that becomes an SSM attribute. When a row is read back, the property is passed to the constructor
/// (<see cref="IsConstructorArgument"/>), set in the object initializer (<see cref="IsInitialized"/>), or left alone.
/// </summary>
internal sealed record PropertySpec(
    string MemberName,
    string AttributeName,
    ValueKind Kind,
    string ValueTypeName,
    bool IsValueType,
    bool IsNullableValueType,
    bool IsNonNullableReference,
    bool IsNumber,
    string? Format,
    string? ConverterTypeName,
    bool IsConstructorArgument,
    bool IsInitialized);

/// <summary>An enum used by one or more properties; helpers are emitted once per enum.</summary>
internal sealed record EnumSpec(
    string FullyQualifiedName,
    string HelperSuffix,
    string UnderlyingTypeName,
    bool IsFlags,
    EquatableArray<EnumMemberSpec> Members);

internal sealed record EnumMemberSpec(string MemberName, string Name, ulong Value);

/// <summary>The built-in conversions, plus enums and user converters.</summary>
internal enum ValueKind
{
    String,
    Char,
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    IntPtr,
    UIntPtr,
    Int128,
    UInt128,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Uri,
    Version,
    Enum,
    Converter,
}
