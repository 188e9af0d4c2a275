using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SsmInventory.Generator.Model;

namespace SsmInventory.Generator.Parsing;

/// <summary>Why a type marked <c>[InventoryType]</c> cannot have code generated for it at all.</summary>
internal enum TypeShapeProblem
{
    None,
    Generic,
    Static,
    NotClassOrStruct,

    /// <summary>A ref struct, which cannot be the type argument of the generated <c>InventoryTypeInfo&lt;T&gt;</c>.</summary>
    RefLike,
    Inaccessible,
}

/// <summary>What is wrong with one property, if anything.</summary>
internal enum PropertyProblem
{
    None,

    /// <summary>Neither a built-in conversion nor a converter.</summary>
    UnsupportedType,

    /// <summary>The converter type is not a usable <c>InventoryConverter&lt;T&gt;</c> for the property.</summary>
    InvalidConverter,

    /// <summary>Both <c>[InventoryFormat]</c> and <c>[InventoryConverter]</c>.</summary>
    FormatWithConverter,

    /// <summary><c>[InventoryFormat]</c> on a type that takes no format.</summary>
    FormatNotApplicable,

    /// <summary>An attribute argument is missing, not a constant, or null.</summary>
    InvalidArgument,
}

/// <summary>
/// The symbol-level reading of one <c>[InventoryType]</c> type, shared by the generator (which turns it into an
/// equatable <see cref="InventoryTypeSpec"/>) and the analyzers (which report its problems), so both apply the same rules.
/// It holds symbols, so it never enters the incremental pipeline's cache.
/// </summary>
internal sealed class InventoryTypeAnalysis
{
    private InventoryTypeAnalysis(
        INamedTypeSymbol type,
        AttributeData attribute,
        string? typeName,
        string? schemaVersion,
        TypeShapeProblem shapeProblem,
        bool isPublic,
        ImmutableArray<PropertyAnalysis> properties,
        ImmutableArray<PropertyAnalysis> serialized,
        ReaderAnalysis reader)
    {
        Type = type;
        Attribute = attribute;
        TypeName = typeName;
        SchemaVersion = schemaVersion;
        ShapeProblem = shapeProblem;
        IsPublic = isPublic;
        Properties = properties;
        Serialized = serialized;
        Reader = reader;
    }

    public INamedTypeSymbol Type { get; }

    public AttributeData Attribute { get; }

    /// <summary>The TypeName argument, or null when it is not a constant string.</summary>
    public string? TypeName { get; }

    /// <summary>The SchemaVersion argument, or null when it is not a constant string.</summary>
    public string? SchemaVersion { get; }

    public TypeShapeProblem ShapeProblem { get; }

    /// <summary>True when the type and all its containers are public, so the generated class can be public too.</summary>
    public bool IsPublic { get; }

    /// <summary>Every public readable instance property, ignored ones included, base class first.</summary>
    public ImmutableArray<PropertyAnalysis> Properties { get; }

    /// <summary>The properties that become SSM attributes: <see cref="Properties"/> without the ignored ones.</summary>
    public ImmutableArray<PropertyAnalysis> Serialized { get; }

    public ReaderAnalysis Reader { get; }

    /// <summary>
    /// Pairs of serialized properties whose attribute names are equal ignoring case: each later property with the name
    /// of an earlier one, which is the one to rename, paired with the first property of that name. Types have at most a
    /// few dozen properties (SSM allows 50 attributes), so comparing pairs costs less than hashing the names.
    /// </summary>
    public IEnumerable<(PropertyAnalysis First, PropertyAnalysis Duplicate)> DuplicateNames()
    {
        for (int i = 1; i < Serialized.Length; i++)
        {
            for (int first = 0; first < i; first++)
            {
                if (string.Equals(Serialized[first].AttributeName, Serialized[i].AttributeName, StringComparison.OrdinalIgnoreCase))
                {
                    yield return (Serialized[first], Serialized[i]);
                    break;
                }
            }
        }
    }

    public static InventoryTypeAnalysis Create(INamedTypeSymbol type, AttributeData attribute, INamedTypeSymbol converterBase)
    {
        string? typeName = attribute.ConstructorArguments.Length == 2 ? attribute.ConstructorArguments[0].Value as string : null;
        string? schemaVersion = attribute.ConstructorArguments.Length == 2 ? attribute.ConstructorArguments[1].Value as string : null;
        TypeShapeProblem shape = GetShapeProblem(type, out bool isPublic);

        ImmutableArray<PropertyAnalysis> properties = AnalyzeProperties(type, converterBase);
        ImmutableArray<PropertyAnalysis> serialized = properties.RemoveAll(static p => p.IsIgnored);
        ReaderAnalysis reader = ReaderAnalysis.Create(type, properties, serialized);
        return new InventoryTypeAnalysis(type, attribute, typeName, schemaVersion, shape, isPublic, properties, serialized, reader);
    }

    // The generated class sits in the type's namespace, so the type and every containing type must be reachable from there.
    private static TypeShapeProblem GetShapeProblem(INamedTypeSymbol type, out bool isPublic)
    {
        isPublic = true;
        if (type.IsGenericType)
        {
            return TypeShapeProblem.Generic;
        }

        if (type.IsStatic)
        {
            return TypeShapeProblem.Static;
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return TypeShapeProblem.NotClassOrStruct;
        }

        if (type.IsRefLikeType)
        {
            return TypeShapeProblem.RefLike;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType && !ReferenceEquals(current, type))
            {
                return TypeShapeProblem.Generic;
            }

            // A file-local type is invisible to the generated file.
            if (current.IsFileLocal)
            {
                return TypeShapeProblem.Inaccessible;
            }

            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    isPublic = false;
                    break;
                default:
                    return TypeShapeProblem.Inaccessible;
            }
        }

        return TypeShapeProblem.None;
    }

    /// <summary>
    /// The public instance properties with a public getter, base classes first; a redeclared property replaces the
    /// base's. Levels are read most derived first, so that a name already taken hides the base's property, and each
    /// base level goes in front of the levels derived from it.
    /// </summary>
    private static ImmutableArray<PropertyAnalysis> AnalyzeProperties(INamedTypeSymbol type, INamedTypeSymbol converterBase)
    {
        ImmutableArray<PropertyAnalysis>.Builder properties = ImmutableArray.CreateBuilder<PropertyAnalysis>();
        for (INamedTypeSymbol? current = type;
             current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
             current = current.BaseType)
        {
            int insertAt = 0;
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IPropertySymbol property
                    && !property.IsStatic
                    && !property.IsIndexer
                    && property.ExplicitInterfaceImplementations.IsEmpty
                    && property.DeclaredAccessibility == Accessibility.Public
                    && property.GetMethod?.DeclaredAccessibility == Accessibility.Public
                    && !property.ReturnsByRef
                    && !property.ReturnsByRefReadonly
                    && !IsTaken(properties, property.Name))
                {
                    properties.Insert(insertAt++, PropertyAnalysis.Create(property, converterBase));
                }
            }
        }

        return properties.DrainToImmutable();
    }

    private static bool IsTaken(ImmutableArray<PropertyAnalysis>.Builder properties, string name)
    {
        for (int i = 0; i < properties.Count; i++)
        {
            if (properties[i].Property.Name == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One public readable property of an inventory type, with its attributes and what is wrong with it.</summary>
internal sealed class PropertyAnalysis
{
    private PropertyAnalysis(IPropertySymbol property)
    {
        Property = property;
        AttributeName = property.Name;
        PropertyType = property.Type;
        IsNullableValueType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        ValueType = IsNullableValueType ? ((INamedTypeSymbol)property.Type).TypeArguments[0] : property.Type;
    }

    public IPropertySymbol Property { get; }

    public ITypeSymbol PropertyType { get; }

    /// <summary>The property's type, or a nullable value type's underlying type.</summary>
    public ITypeSymbol ValueType { get; }

    public bool IsNullableValueType { get; }

    /// <summary>A reference type declared without <c>?</c> in a nullable-enabled context.</summary>
    public bool IsNonNullableReference => PropertyType.IsReferenceType && PropertyType.NullableAnnotation == NullableAnnotation.NotAnnotated;

    public string AttributeName { get; private set; }

    public AttributeData? NameAttribute { get; private set; }

    public AttributeData? IgnoreAttribute { get; private set; }

    public AttributeData? FormatAttribute { get; private set; }

    public AttributeData? ConverterAttribute { get; private set; }

    public bool IsIgnored => IgnoreAttribute is not null;

    public string? Format { get; private set; }

    public ITypeSymbol? ConverterType { get; private set; }

    /// <summary>The first attribute whose argument is missing, not a constant, or null (<see cref="PropertyProblem.InvalidArgument"/>).</summary>
    public AttributeData? InvalidArgumentAttribute { get; private set; }

    public bool ConverterIsNumber { get; private set; }

    /// <summary>The conversion, or null when <see cref="Problem"/> says why there is none.</summary>
    public ValueKind? Kind { get; private set; }

    /// <summary>True when the schema reports the attribute's DataType as <c>number</c>.</summary>
    public bool IsNumber => Kind == ValueKind.Converter ? ConverterIsNumber : Kind is >= ValueKind.SByte and <= ValueKind.Decimal;

    public PropertyProblem Problem { get; private set; }

    public static PropertyAnalysis Create(IPropertySymbol property, INamedTypeSymbol converterBase)
    {
        var analysis = new PropertyAnalysis(property);
        foreach (AttributeData attribute in property.GetAttributes())
        {
            INamedTypeSymbol? attributeClass = attribute.AttributeClass;
            if (KnownNames.Is(attributeClass, KnownNames.InventoryIgnoreAttribute))
            {
                analysis.IgnoreAttribute = attribute;
            }
            else if (KnownNames.Is(attributeClass, KnownNames.InventoryNameAttribute))
            {
                analysis.NameAttribute = attribute;
                if (SingleStringArgument(attribute) is { } name)
                {
                    analysis.AttributeName = name;
                }
                else
                {
                    analysis.SetInvalidArgument(attribute);
                }
            }
            else if (KnownNames.Is(attributeClass, KnownNames.InventoryFormatAttribute))
            {
                analysis.FormatAttribute = attribute;
                analysis.Format = SingleStringArgument(attribute);
                if (analysis.Format is null)
                {
                    analysis.SetInvalidArgument(attribute);
                }
            }
            else if (KnownNames.Is(attributeClass, KnownNames.InventoryConverterAttribute))
            {
                analysis.ConverterAttribute = attribute;
                analysis.ConverterType = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as ITypeSymbol : null;
                analysis.ConverterIsNumber = attribute.NamedArguments.Any(static a => a.Key == "DataType" && a.Value.Value is 1);
                if (analysis.ConverterType is null)
                {
                    analysis.SetInvalidArgument(attribute);
                }
            }
        }

        if (analysis.Problem == PropertyProblem.None)
        {
            analysis.Classify(converterBase);
        }

        return analysis;
    }

    private void SetInvalidArgument(AttributeData attribute)
    {
        Problem = PropertyProblem.InvalidArgument;
        InvalidArgumentAttribute ??= attribute;
    }

    private void Classify(INamedTypeSymbol converterBase)
    {
        if (ConverterType is not null)
        {
            if (Format is not null)
            {
                Problem = PropertyProblem.FormatWithConverter;
            }
            else if (!IsValidConverter(ConverterType, converterBase))
            {
                Problem = PropertyProblem.InvalidConverter;
            }
            else
            {
                Kind = ValueKind.Converter;
            }

            return;
        }

        Kind = GetBuiltInKind(ValueType);
        if (Kind is null)
        {
            Problem = PropertyProblem.UnsupportedType;
        }
        else if (Format is not null && Kind is not (ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly or ValueKind.TimeOnly or ValueKind.TimeSpan))
        {
            Problem = PropertyProblem.FormatNotApplicable;
            Kind = null;
        }
    }

    /// <summary>
    /// A converter derives from <c>InventoryConverter&lt;T&gt;</c> for the property's type (or a nullable value type's
    /// underlying type), is a non-abstract, non-generic class that the generated code can see (not private, protected or
    /// file-local, nor nested in such a type), and can be created with <c>new()</c>.
    /// </summary>
    private bool IsValidConverter(ITypeSymbol converterType, INamedTypeSymbol converterBase)
    {
        if (converterType is not INamedTypeSymbol { IsAbstract: false, IsGenericType: false, TypeKind: TypeKind.Class } named
            || !named.InstanceConstructors.Any(c => c.Parameters.IsEmpty
                && (c.DeclaredAccessibility == Accessibility.Public
                    || (c.DeclaredAccessibility == Accessibility.Internal && SymbolEqualityComparer.Default.Equals(c.ContainingAssembly, Property.ContainingAssembly)))))
        {
            return false;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, converterBase))
            {
                ITypeSymbol converted = current.TypeArguments[0];
                return SymbolEqualityComparer.Default.Equals(converted, PropertyType)
                    || SymbolEqualityComparer.Default.Equals(converted, ValueType);
            }
        }

        return false;
    }

    private static string? SingleStringArgument(AttributeData attribute) =>
        attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;

    internal static ValueKind? GetBuiltInKind(ITypeSymbol type)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_Char: return ValueKind.Char;
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_SByte: return ValueKind.SByte;
            case SpecialType.System_Byte: return ValueKind.Byte;
            case SpecialType.System_Int16: return ValueKind.Int16;
            case SpecialType.System_UInt16: return ValueKind.UInt16;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_UInt32: return ValueKind.UInt32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_UInt64: return ValueKind.UInt64;
            case SpecialType.System_IntPtr: return ValueKind.IntPtr;
            case SpecialType.System_UIntPtr: return ValueKind.UIntPtr;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ValueKind.Enum;
        }

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type is INamedTypeSymbol { Arity: 0 })
        {
            switch (type.Name)
            {
                case "DateTimeOffset": return ValueKind.DateTimeOffset;
                case "DateOnly": return ValueKind.DateOnly;
                case "TimeOnly": return ValueKind.TimeOnly;
                case "TimeSpan": return ValueKind.TimeSpan;
                case "Guid": return ValueKind.Guid;
                case "Uri": return ValueKind.Uri;
                case "Version": return ValueKind.Version;
                case "Int128": return ValueKind.Int128;
                case "UInt128": return ValueKind.UInt128;
            }
        }

        return null;
    }
}

/// <summary>
/// How rows are read back: the <c>[InventoryConstructor]</c> constructor; else, for a class without a public
/// parameterless constructor, its single public parameterized one (positional records); else, for a struct, its
/// single public parameterized constructor when it matches; else the parameterless one. Every constructor parameter
/// must match a property by name (ignoring case) and type; a parameter whose property is ignored gets its type's default.
/// </summary>
internal sealed class ReaderAnalysis
{
    private ReaderAnalysis(IMethodSymbol? constructor, ImmutableArray<int> arguments, string? notReadableReason)
    {
        Constructor = constructor;
        Arguments = arguments;
        NotReadableReason = notReadableReason;
    }

    /// <summary>The constructor, or null for the parameterless one (or when the type is not readable).</summary>
    public IMethodSymbol? Constructor { get; }

    /// <summary>
    /// For each constructor parameter, the index of its property among the serialized properties, or
    /// <see cref="DefaultArgument"/> when the property is ignored.
    /// </summary>
    public ImmutableArray<int> Arguments { get; }

    /// <summary>Marks a constructor argument that is passed as <c>default</c>.</summary>
    public const int DefaultArgument = -1;

    /// <summary>Why rows cannot be read into the type, or null when they can.</summary>
    public string? NotReadableReason { get; }

    public bool SetsRequiredMembers => Constructor is not null && KnownNames.HasAttribute(Constructor, KnownNames.SetsRequiredMembersAttribute);

    public static ReaderAnalysis Create(INamedTypeSymbol type, ImmutableArray<PropertyAnalysis> properties, ImmutableArray<PropertyAnalysis> serialized)
    {
        if (type.IsAbstract)
        {
            return NotReadable("the type is abstract");
        }

        // Among the public constructors, the first one marked [InventoryConstructor] decides; else the parameterless
        // one and the parameterized ones, copy constructors aside, do.
        bool hasParameterless = false;
        IMethodSymbol? firstParameterized = null;
        int parameterizedCount = 0;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (constructor.DeclaredAccessibility != Accessibility.Public)
            {
                continue;
            }

            if (KnownNames.HasAttribute(constructor, KnownNames.InventoryConstructorAttribute))
            {
                return Match(constructor, properties, serialized);
            }

            if (constructor.Parameters.IsEmpty)
            {
                hasParameterless = true;
            }
            else if (!IsCopyConstructor(constructor, type))
            {
                firstParameterized ??= constructor;
                parameterizedCount++;
            }
        }

        IMethodSymbol? singleParameterized = parameterizedCount == 1 ? firstParameterized : null;
        if (type.IsValueType)
        {
            ReaderAnalysis? single = singleParameterized is null ? null : Match(singleParameterized, properties, serialized);
            return single is { NotReadableReason: null } ? single : s_parameterless;
        }

        if (hasParameterless)
        {
            return s_parameterless;
        }

        if (singleParameterized is not null)
        {
            return Match(singleParameterized, properties, serialized);
        }

        return NotReadable(parameterizedCount == 0
            ? "it has no public constructor"
            : "it has several public constructors; mark the one to read rows with [InventoryConstructor]");
    }

    private static readonly ReaderAnalysis s_parameterless = new(null, ImmutableArray<int>.Empty, null);

    private static ReaderAnalysis NotReadable(string reason) => new(null, ImmutableArray<int>.Empty, reason);

    private static ReaderAnalysis Match(IMethodSymbol constructor, ImmutableArray<PropertyAnalysis> properties, ImmutableArray<PropertyAnalysis> serialized)
    {
        var arguments = ImmutableArray.CreateBuilder<int>(constructor.Parameters.Length);
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            int index = IndexOfMatch(serialized, parameter);

            // When no serialized property matches, a match among all the properties is an ignored one.
            if (index < 0 && IndexOfMatch(properties, parameter) >= 0)
            {
                index = DefaultArgument;
            }
            else if (index < 0 || arguments.Contains(index))
            {
                return NotReadable($"constructor parameter '{parameter.Name}' does not match a property of the same name and type");
            }

            if (parameter.RefKind != RefKind.None)
            {
                return NotReadable($"constructor parameter '{parameter.Name}' is passed by reference");
            }

            arguments.Add(index);
        }

        return new ReaderAnalysis(constructor, arguments.MoveToImmutable(), null);
    }

    private static int IndexOfMatch(ImmutableArray<PropertyAnalysis> properties, IParameterSymbol parameter)
    {
        for (int i = 0; i < properties.Length; i++)
        {
            if (Matches(properties[i], parameter))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Matches(PropertyAnalysis property, IParameterSymbol parameter) =>
        string.Equals(property.Property.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
        && SymbolEqualityComparer.Default.Equals(property.PropertyType, parameter.Type);

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);
}
