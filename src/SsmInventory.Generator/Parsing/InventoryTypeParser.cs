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
            || ((CSharpParseOptions)context.TargetNode.SyntaxTree.Options).LanguageVersion < LanguageVersion.CSharp9
            || context.SemanticModel.Compilation.GetTypeByMetadataName(KnownNames.InventoryConverter) is not { } converterBase)
        {
            return null;
        }

        InventoryTypeAnalysis analysis = InventoryTypeAnalysis.Create(type, context.Attributes[0], converterBase);
        cancellationToken.ThrowIfCancellationRequested();
        if (analysis.TypeName is null
            || analysis.SchemaVersion is null
            || analysis.ShapeProblem != TypeShapeProblem.None
            || analysis.Serialized.Any(p => p.Kind is null)
            || analysis.DuplicateNames().Any())
        {
            return null;
        }

        var enums = new List<EnumSpec>();
        var properties = ImmutableArray.CreateBuilder<PropertySpec>();
        foreach (PropertyAnalysis property in analysis.Serialized)
        {
            properties.Add(ToSpec(property, enums));
        }

        PropertyAnalysis[] serialized = analysis.Serialized.ToArray();
        ReaderAnalysis reader = analysis.Reader;
        bool setsRequiredMembers = reader.SetsRequiredMembers;
        foreach (int index in reader.Arguments.Where(i => i != ReaderAnalysis.DefaultArgument))
        {
            // A required property must still be set in the initializer unless the constructor says it sets required members.
            properties[index] = properties[index] with
            {
                IsConstructorArgument = true,
                IsInitialized = serialized[index].Property.IsRequired && !setsRequiredMembers,
            };
        }

        return new InventoryTypeSpec(
            HintName: BuildHintName(type),
            Namespace: type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(s_namespaceFormat),
            GeneratedClassName: BuildGeneratedClassName(type),
            IsPublic: analysis.IsPublic,
            FullyQualifiedName: type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsValueType: type.IsValueType,
            TypeName: analysis.TypeName,
            SchemaVersion: analysis.SchemaVersion,
            Properties: properties.ToEquatableArray(),
            Enums: enums.ToEquatableArray(),
            ConstructorArguments: reader.Arguments.ToEquatableArray(),
            NotReadableReason: reader.NotReadableReason);
    }

    private static PropertySpec ToSpec(PropertyAnalysis property, List<EnumSpec> enums)
    {
        ValueKind kind = property.Kind!.Value;
        if (kind == ValueKind.Enum)
        {
            AddEnum((INamedTypeSymbol)property.ValueType, enums);
        }

        return new PropertySpec(
            MemberName: EscapeIdentifier(property.Property.Name),
            AttributeName: property.AttributeName,
            Kind: kind,
            ValueTypeName: property.ValueType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsValueType: property.ValueType.IsValueType,
            IsNullableValueType: property.IsNullableValueType,
            IsNonNullableReference: property.IsNonNullableReference,
            IsNumber: property.IsNumber,
            Format: property.Format,
            ConverterTypeName: property.ConverterType?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            IsConstructorArgument: false,
            IsInitialized: property.Property.SetMethod is { DeclaredAccessibility: Accessibility.Public });
    }

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
