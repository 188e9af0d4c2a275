using System.Collections.Immutable;
using System.Globalization;
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
            || ((CSharpParseOptions)context.TargetNode.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp9
            || context.SemanticModel.Compilation.GetTypeByMetadataName(KnownNames.InventoryConverter) is not { } converterBase)
        {
            return null;
        }

        InventoryTypeAnalysis analysis = InventoryTypeAnalysis.Create(type, context.Attributes[0], converterBase);
        cancellationToken.ThrowIfCancellationRequested();
        ImmutableArray<PropertyAnalysis> serialized = analysis.Serialized;
        if (analysis.TypeName is null
            || analysis.SchemaVersion is null
            || analysis.ShapeProblem != TypeShapeProblem.None
            || serialized.Any(static p => p.Kind is null)
            || analysis.DuplicateNames().Any())
        {
            return null;
        }

        ReaderAnalysis reader = analysis.Reader;
        bool setsRequiredMembers = reader.SetsRequiredMembers;
        ImmutableArray<EnumSpec>.Builder enums = ImmutableArray.CreateBuilder<EnumSpec>(0);
        ImmutableArray<PropertySpec>.Builder properties = ImmutableArray.CreateBuilder<PropertySpec>(serialized.Length);
        for (int i = 0; i < serialized.Length; i++)
        {
            properties.Add(ToSpec(serialized[i], reader.Arguments.Contains(i), setsRequiredMembers, enums));
        }

        return new InventoryTypeSpec(
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(s_namespaceFormat),
            GeneratedClassName: NestedName(type) + "Inventory",
            IsPublic: analysis.IsPublic,
            FullyQualifiedName: FullyQualifiedName(type),
            IsValueType: type.IsValueType,
            TypeName: analysis.TypeName,
            SchemaVersion: analysis.SchemaVersion,
            Properties: new(properties.MoveToImmutable()),
            Enums: new(enums.DrainToImmutable()),
            ConstructorArguments: new(reader.Arguments),
            NotReadableReason: reader.NotReadableReason);
    }

    // A constructor argument is set by the constructor; a required one must still be set in the initializer unless the
    // constructor says it sets required members.
    private static PropertySpec ToSpec(PropertyAnalysis property, bool isConstructorArgument, bool setsRequiredMembers, ImmutableArray<EnumSpec>.Builder enums)
    {
        ValueKind kind = property.Kind!.Value;
        string valueTypeName = FullyQualifiedName(property.ValueType);
        if (kind == ValueKind.Enum)
        {
            AddEnum((INamedTypeSymbol)property.ValueType, valueTypeName, enums);
        }

        return new PropertySpec(
            MemberName: EscapeIdentifier(property.Property.Name),
            AttributeName: property.AttributeName,
            Kind: kind,
            ValueTypeName: valueTypeName,
            IsValueType: property.ValueType.IsValueType,
            IsNullableValueType: property.IsNullableValueType,
            IsNonNullableReference: property.IsNonNullableReference,
            IsNumber: property.IsNumber,
            Format: property.Format,
            ConverterTypeName: property.ConverterType is { } converterType ? FullyQualifiedName(converterType) : null,
            IsConstructorArgument: isConstructorArgument,
            IsInitialized: isConstructorArgument
                ? property.Property.IsRequired && !setsRequiredMembers
                : property.Property.SetMethod is { DeclaredAccessibility: Accessibility.Public });
    }

    private static void AddEnum(INamedTypeSymbol enumType, string name, ImmutableArray<EnumSpec>.Builder enums)
    {
        for (int i = 0; i < enums.Count; i++)
        {
            if (enums[i].FullyQualifiedName == name)
            {
                return;
            }
        }

        var members = ImmutableArray.CreateBuilder<EnumMemberSpec>();
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                members.Add(new EnumMemberSpec(EscapeIdentifier(field.Name), field.Name, ToUInt64(field.ConstantValue)));
            }
        }

        bool isFlags = KnownNames.HasAttribute(enumType, KnownNames.FlagsAttribute);
        string underlying = enumType.EnumUnderlyingType is { } underlyingType ? FullyQualifiedName(underlyingType) : "int";
        enums.Add(new EnumSpec(name, "Enum" + enums.Count.ToString(CultureInfo.InvariantCulture), underlying, isFlags, new(members.DrainToImmutable())));
    }

    /// <summary>
    /// The name generated code uses for a type: <c>ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)</c>, which
    /// names the types that have a C# keyword by the keyword. Those are returned as constants, without the cost of the
    /// display call, which is most of the cost of turning an analysis into a spec.
    /// </summary>
    internal static string FullyQualifiedName(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        SpecialType.System_Decimal => "decimal",
        SpecialType.System_String => "string",
        _ => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
    };

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

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    // The type's name after the names of its containing types, each followed by '_'.
    private static string NestedName(INamedTypeSymbol type) =>
        type.ContainingType is { } container ? NestedName(container) + "_" + type.Name : type.Name;
}
