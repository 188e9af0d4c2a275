using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SsmInventory.Generator.Parsing;

namespace SsmInventory.Generator.Analyzers;

/// <summary>The runtime library's symbols, resolved once per compilation.</summary>
internal sealed class InventorySymbols
{
    private readonly INamedTypeSymbol _attributeType;
    private readonly INamedTypeSymbol _converterBase;

    private InventorySymbols(INamedTypeSymbol attributeType, INamedTypeSymbol converterBase)
    {
        _attributeType = attributeType;
        _converterBase = converterBase;
    }

    /// <summary>Null when the compilation does not reference the runtime library.</summary>
    public static InventorySymbols? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName(KnownNames.InventoryTypeAttribute) is { } attributeType
        && compilation.GetTypeByMetadataName(KnownNames.InventoryConverter) is { } converterBase
            ? new InventorySymbols(attributeType, converterBase)
            : null;

    /// <summary>The analysis of <paramref name="type"/> when it is marked <c>[InventoryType]</c>.</summary>
    public InventoryTypeAnalysis? Analyze(INamedTypeSymbol type)
    {
        AttributeData? attribute = type.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _attributeType));
        return attribute is null ? null : InventoryTypeAnalysis.Create(type, attribute, _converterBase);
    }
}

/// <summary>What every analyzer needs: registration over <c>[InventoryType]</c> types with the symbols resolved once per
/// compilation, and the precise locations diagnostics are reported at.</summary>
internal static class AnalyzerSupport
{
    /// <summary>Analyzes every type marked <c>[InventoryType]</c>.</summary>
    public static void ForEachInventoryType(AnalysisContext context, Action<SymbolAnalysisContext, InventoryTypeAnalysis> action)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (InventorySymbols.Resolve(start.Compilation) is { } symbols)
            {
                start.RegisterSymbolAction(
                    symbolContext =>
                    {
                        if (symbols.Analyze((INamedTypeSymbol)symbolContext.Symbol) is { } analysis)
                        {
                            action(symbolContext, analysis);
                        }
                    },
                    SymbolKind.NamedType);
            }
        });
    }

    /// <summary>The location of a constructor argument (by position or by <c>name:</c>), else of the attribute, else <paramref name="fallback"/>.</summary>
    public static Location ArgumentLocation(AttributeData attribute, int index, string parameterName, Location fallback)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return fallback;
        }

        if (syntax.ArgumentList is { } list)
        {
            var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
            AttributeArgumentSyntax? argument = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName)
                ?? (index < positional.Count && positional[index].NameColon is null ? positional[index] : null);
            if (argument is not null)
            {
                return argument.Expression.GetLocation();
            }
        }

        return syntax.GetLocation();
    }

    /// <summary>The location of a named argument such as <c>MaxRows = 5</c>, else of the attribute.</summary>
    public static Location NamedArgumentLocation(AttributeData attribute, string name, Location fallback)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax)
        {
            return fallback;
        }

        AttributeArgumentSyntax? argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        return argument?.Expression.GetLocation() ?? syntax.GetLocation();
    }

    public static Location AttributeLocation(AttributeData attribute, Location fallback) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;

    /// <summary>The identifier of a symbol declared in source, else the type's attribute.</summary>
    public static Location SymbolLocation(ISymbol symbol, InventoryTypeAnalysis analysis) =>
        symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? TypeAttributeLocation(analysis);

    public static Location TypeAttributeLocation(InventoryTypeAnalysis analysis) =>
        AttributeLocation(analysis.Attribute, analysis.Type.Locations.FirstOrDefault() ?? Location.None);

    /// <summary>Where a property's SSM attribute name is written: the <c>[InventoryName]</c> literal, else the property's name.</summary>
    public static Location NameLocation(PropertyAnalysis property, InventoryTypeAnalysis analysis) =>
        property.NameAttribute is { } name
            ? ArgumentLocation(name, 0, "name", SymbolLocation(property.Property, analysis))
            : SymbolLocation(property.Property, analysis);

    /// <summary>The property's type in its declaration (a property or a positional record parameter).</summary>
    public static Location PropertyTypeLocation(PropertyAnalysis property, InventoryTypeAnalysis analysis)
    {
        foreach (SyntaxReference reference in property.Property.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case PropertyDeclarationSyntax declaration:
                    return declaration.Type.GetLocation();
                case ParameterSyntax { Type: { } type }:
                    return type.GetLocation();
            }
        }

        return SymbolLocation(property.Property, analysis);
    }

    public static string TypeDisplay(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
}
