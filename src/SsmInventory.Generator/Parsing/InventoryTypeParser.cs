using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SsmInventory.Generator.Model;

namespace SsmInventory.Generator.Parsing;

/// <summary>
/// Turns an <c>[InventoryType]</c> symbol into an <see cref="InventoryTypeSpec"/>. Returns null for anything the
/// generator cannot emit valid code for; the analyzers report those cases, so the generator stays quiet.
/// </summary>
internal static class InventoryTypeParser
{
    private static readonly SymbolDisplayFormat s_namespaceFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted);

    public static InventoryTypeSpec? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.Attributes.Length != 1
            || ((CSharpParseOptions)context.TargetNode.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp9)
        {
            return null;
        }

        if (!TryGetTypeArguments(context.Attributes[0], out string typeName, out string schemaVersion)
            || type.IsGenericType
            || type.IsStatic
            || type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || !IsAccessibleFromNamespace(type, out bool isPublic))
        {
            return null;
        }

        Compilation compilation = context.SemanticModel.Compilation;
        INamedTypeSymbol? converterBase = compilation.GetTypeByMetadataName(KnownNames.InventoryConverter);
        if (converterBase is null)
        {
            return null;
        }

        var properties = ImmutableArray.CreateBuilder<PropertySpec>();
        var propertySymbols = new List<IPropertySymbol>();
        var enums = new List<EnumSpec>();
        var attributeNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (IPropertySymbol property in GetSerializableProperties(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasAttribute(property, KnownNames.InventoryIgnoreAttribute))
            {
                continue;
            }

            PropertySpec? spec = ParseProperty(property, converterBase, enums);
            if (spec is null || !attributeNames.Add(spec.AttributeName))
            {
                return null;
            }

            properties.Add(spec);
            propertySymbols.Add(property);
        }

        ImmutableArray<int> constructorArguments = ChooseReader(type, propertySymbols, properties, out string? notReadableReason);

        return new InventoryTypeSpec(
            HintName: BuildHintName(type),
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(s_namespaceFormat),
            GeneratedClassName: BuildGeneratedClassName(type),
            IsPublic: isPublic,
            FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsValueType: type.IsValueType,
            TypeName: typeName,
            SchemaVersion: schemaVersion,
            Properties: properties.ToEquatableArray(),
            Enums: enums.ToEquatableArray(),
            ConstructorArguments: constructorArguments.ToEquatableArray(),
            NotReadableReason: notReadableReason);
    }

    private static bool TryGetTypeArguments(AttributeData attribute, out string typeName, out string schemaVersion)
    {
        typeName = schemaVersion = string.Empty;
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not string name
            || attribute.ConstructorArguments[1].Value is not string version)
        {
            return false;
        }

        typeName = name;
        schemaVersion = version;
        return true;
    }

    // The generated class sits in the type's namespace, so the type and every containing type must be reachable from there.
    private static bool IsAccessibleFromNamespace(INamedTypeSymbol type, out bool isPublic)
    {
        isPublic = true;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal:
                case Accessibility.ProtectedOrInternal:
                    isPublic = false;
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    /// <summary>Public instance properties with a public getter, base classes first; a redeclared property replaces the base's.</summary>
    internal static IEnumerable<IPropertySymbol> GetSerializableProperties(INamedTypeSymbol type)
    {
        var levels = new List<List<IPropertySymbol>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? current = type;
             current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType);
             current = current.BaseType)
        {
            var level = new List<IPropertySymbol>();
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
                    && seen.Add(property.Name))
                {
                    level.Add(property);
                }
            }

            levels.Add(level);
        }

        for (int i = levels.Count - 1; i >= 0; i--)
        {
            foreach (IPropertySymbol property in levels[i])
            {
                yield return property;
            }
        }
    }

    private static PropertySpec? ParseProperty(IPropertySymbol property, INamedTypeSymbol converterBase, List<EnumSpec> enums)
    {
        string attributeName = property.Name;
        string? format = null;
        ITypeSymbol? converterType = null;
        bool converterIsNumber = false;
        foreach (AttributeData attribute in property.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.InventoryNameAttribute:
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name)
                    {
                        return null;
                    }

                    attributeName = name;
                    break;
                case KnownNames.InventoryFormatAttribute:
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string value)
                    {
                        return null;
                    }

                    format = value;
                    break;
                case KnownNames.InventoryConverterAttribute:
                    if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not ITypeSymbol converter)
                    {
                        return null;
                    }

                    converterType = converter;
                    foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                    {
                        // InventoryDataType.Number is 1.
                        if (named.Key == "DataType" && named.Value.Value is int dataType)
                        {
                            converterIsNumber = dataType == 1;
                        }
                    }

                    break;
            }
        }

        ITypeSymbol propertyType = property.Type;
        bool isNullableValueType = propertyType is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        ITypeSymbol valueType = isNullableValueType ? ((INamedTypeSymbol)propertyType).TypeArguments[0] : propertyType;
        bool isNonNullableReference = propertyType.IsReferenceType && propertyType.NullableAnnotation == NullableAnnotation.NotAnnotated;
        bool isInitialized = property.SetMethod is { DeclaredAccessibility: Accessibility.Public };

        if (converterType is not null)
        {
            if (format is not null || !IsValidConverter(converterType, propertyType, valueType, converterBase))
            {
                return null;
            }

            return new PropertySpec(
                EscapeIdentifier(property.Name), attributeName, ValueKind.Converter, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                valueType.IsValueType, isNullableValueType, isNonNullableReference, converterIsNumber, Format: null,
                converterType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), IsConstructorArgument: false, isInitialized);
        }

        ValueKind? kind = GetBuiltInKind(valueType);
        if (kind is null)
        {
            return null;
        }

        if (format is not null && kind is not (ValueKind.DateTime or ValueKind.DateTimeOffset or ValueKind.DateOnly or ValueKind.TimeOnly or ValueKind.TimeSpan))
        {
            return null;
        }

        if (kind == ValueKind.Enum)
        {
            AddEnum((INamedTypeSymbol)valueType, enums);
        }

        return new PropertySpec(
            EscapeIdentifier(property.Name), attributeName, kind.Value, valueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            valueType.IsValueType, isNullableValueType, isNonNullableReference, IsNumber(kind.Value), format, ConverterTypeName: null, IsConstructorArgument: false, isInitialized);
    }

    // A converter derives from InventoryConverter<T> for the property's type (or a nullable value type's underlying
    // type) and can be created with new().
    private static bool IsValidConverter(ITypeSymbol converterType, ITypeSymbol propertyType, ITypeSymbol valueType, INamedTypeSymbol converterBase)
    {
        if (converterType is not INamedTypeSymbol { IsAbstract: false, IsGenericType: false, TypeKind: TypeKind.Class } named
            || !named.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal))
        {
            return false;
        }

        for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, converterBase))
            {
                ITypeSymbol converted = current.TypeArguments[0];
                return SymbolEqualityComparer.Default.Equals(converted, propertyType)
                    || SymbolEqualityComparer.Default.Equals(converted, valueType);
            }
        }

        return false;
    }

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

    private static bool IsNumber(ValueKind kind) => kind is >= ValueKind.SByte and <= ValueKind.Decimal;

    private static void AddEnum(INamedTypeSymbol enumType, List<EnumSpec> enums)
    {
        string name = enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (enums.Any(e => e.FullyQualifiedName == name))
        {
            return;
        }

        var members = ImmutableArray.CreateBuilder<EnumMemberSpec>();
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                members.Add(new EnumMemberSpec(EscapeIdentifier(field.Name), field.Name, ToUInt64(field.ConstantValue)));
            }
        }

        bool isFlags = enumType.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.FlagsAttribute");
        string underlying = enumType.EnumUnderlyingType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) ?? "int";
        enums.Add(new EnumSpec(name, "Enum" + enums.Count.ToString(CultureInfo.InvariantCulture), underlying, isFlags, members.ToEquatableArray()));
    }

    // Sign-extends like an unchecked (ulong) conversion of the enum value, so the table matches what generated code computes.
    private static ulong ToUInt64(object? value) => value switch
    {
        sbyte v => unchecked((ulong)v),
        byte v => v,
        short v => unchecked((ulong)v),
        ushort v => v,
        int v => unchecked((ulong)v),
        uint v => v,
        long v => unchecked((ulong)v),
        ulong v => v,
        _ => 0,
    };

    /// <summary>
    /// Picks how rows are read back: the <c>[InventoryConstructor]</c> constructor; else, for a class without a public
    /// parameterless constructor, its single public parameterized one (positional records); else, for a struct, its
    /// single public parameterized constructor when it matches; else the parameterless one. Every constructor parameter
    /// must match a property by name (ignoring case) and type.
    /// </summary>
    private static ImmutableArray<int> ChooseReader(
        INamedTypeSymbol type,
        List<IPropertySymbol> propertySymbols,
        ImmutableArray<PropertySpec>.Builder properties,
        out string? notReadableReason)
    {
        notReadableReason = null;
        if (type.IsAbstract)
        {
            notReadableReason = "the type is abstract";
            return ImmutableArray<int>.Empty;
        }

        var constructors = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        IMethodSymbol? marked = constructors.FirstOrDefault(c => HasAttribute(c, KnownNames.InventoryConstructorAttribute));
        if (marked is not null)
        {
            return MatchConstructor(marked, propertySymbols, properties, out notReadableReason);
        }

        var parameterized = constructors.Where(c => !c.Parameters.IsEmpty && !IsCopyConstructor(c, type)).ToList();
        if (type.IsValueType)
        {
            if (parameterized.Count == 1)
            {
                ImmutableArray<int> arguments = MatchConstructor(parameterized[0], propertySymbols, properties, out string? mismatch);
                if (mismatch is null)
                {
                    return arguments;
                }
            }

            return ImmutableArray<int>.Empty;
        }

        if (constructors.Any(c => c.Parameters.IsEmpty))
        {
            return ImmutableArray<int>.Empty;
        }

        if (parameterized.Count == 1)
        {
            return MatchConstructor(parameterized[0], propertySymbols, properties, out notReadableReason);
        }

        notReadableReason = parameterized.Count == 0
            ? "it has no public constructor"
            : "it has several public constructors; mark the one to read rows with [InventoryConstructor]";
        return ImmutableArray<int>.Empty;
    }

    private static ImmutableArray<int> MatchConstructor(
        IMethodSymbol constructor,
        List<IPropertySymbol> propertySymbols,
        ImmutableArray<PropertySpec>.Builder properties,
        out string? mismatch)
    {
        var arguments = ImmutableArray.CreateBuilder<int>(constructor.Parameters.Length);
        foreach (IParameterSymbol parameter in constructor.Parameters)
        {
            int index = propertySymbols.FindIndex(p =>
                string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)
                && SymbolEqualityComparer.Default.Equals(p.Type, parameter.Type));
            if (index < 0 || parameter.RefKind != RefKind.None || arguments.Contains(index))
            {
                mismatch = $"constructor parameter '{parameter.Name}' does not match a serialized property of the same name and type";
                return ImmutableArray<int>.Empty;
            }

            arguments.Add(index);
        }

        // A required property must still be set in the initializer unless the constructor says it sets required members.
        bool setsRequiredMembers = HasAttribute(constructor, "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute");
        foreach (int index in arguments)
        {
            properties[index] = properties[index] with
            {
                IsConstructorArgument = true,
                IsInitialized = propertySymbols[index].IsRequired && !setsRequiredMembers,
            };
        }

        mismatch = null;
        return arguments.ToImmutable();
    }

    private static bool IsCopyConstructor(IMethodSymbol constructor, INamedTypeSymbol type) =>
        type.IsRecord && constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == metadataName);

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    private static string BuildGeneratedClassName(INamedTypeSymbol type)
    {
        var name = new StringBuilder(type.Name);
        for (INamedTypeSymbol? container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name.Insert(0, container.Name + "_");
        }

        return name.Append("Inventory").ToString();
    }

    /// <summary>
    /// A file name that is unique per type and safe on every file system: letters, digits and dots stay,
    /// '_' doubles, and any other character becomes '_' plus four hex digits.
    /// </summary>
    private static string BuildHintName(INamedTypeSymbol type)
    {
        string fullName = type.ToDisplayString(s_namespaceFormat);
        var hint = new StringBuilder(fullName.Length + 16);
        foreach (char c in fullName)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.')
            {
                hint.Append(c);
            }
            else if (c == '_')
            {
                hint.Append("__");
            }
            else
            {
                hint.Append('_').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return hint.Append(".Inventory.g.cs").ToString();
    }
}
