using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SsmInventory.Generator.Model;
using SsmInventory.Generator.Parsing;
using static SsmInventory.Generator.Analyzers.AnalyzerSupport;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Checks the properties that become SSM attributes: how many there are, their names, their types and converters,
/// contradictory attribute combinations, formats, and whether rows can be read back.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InventoryPropertyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.TooManyAttributes,
        Descriptors.InvalidAttributeName,
        Descriptors.DuplicateAttributeName,
        Descriptors.UnsupportedPropertyType,
        Descriptors.InvalidConverter,
        Descriptors.FormatNotApplicable,
        Descriptors.FormatWithConverter,
        Descriptors.IgnoredPropertyHasAttributes,
        Descriptors.InvalidFormat,
        Descriptors.NotReadable,
        Descriptors.ArgumentNotConstant,
    ];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ForEachInventoryType(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, InventoryTypeAnalysis analysis)
    {
        int count = 0;
        foreach (PropertyAnalysis property in analysis.Properties)
        {
            if (property.IsIgnored)
            {
                ReportIgnoredWithAttributes(context, analysis, property);
                continue;
            }

            count++;
            if (count > InventoryLimits.MaxAttributesPerType)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TooManyAttributes, NameLocation(property, analysis), property.AttributeName, count, InventoryLimits.MaxAttributesPerType));
            }

            AnalyzeName(context, analysis, property);
            AnalyzeConversion(context, analysis, property);
        }

        // Suggestions are taken too, so that fixing every duplicate at once cannot create a new clash.
        var taken = new HashSet<string>(analysis.Serialized.Select(p => p.AttributeName), StringComparer.OrdinalIgnoreCase);
        foreach ((PropertyAnalysis first, PropertyAnalysis duplicate) in analysis.DuplicateNames())
        {
            string suggestion = Enumerable.Range(2, int.MaxValue - 2)
                .Select(i => duplicate.AttributeName + i.ToString(CultureInfo.InvariantCulture))
                .First(name => !taken.Contains(name));
            taken.Add(suggestion);
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DuplicateAttributeName,
                NameLocation(duplicate, analysis),
                ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.SuggestionProperty, suggestion),
                duplicate.AttributeName,
                first.Property.Name));
        }

        if (analysis.ShapeProblem == TypeShapeProblem.None && analysis.Reader.NotReadableReason is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.NotReadable, SymbolLocation(analysis.Type, analysis), TypeDisplay(analysis.Type), reason));
        }
    }

    private static void ReportIgnoredWithAttributes(SymbolAnalysisContext context, InventoryTypeAnalysis analysis, PropertyAnalysis property)
    {
        foreach ((AttributeData? attribute, string name) in new[]
        {
            (property.NameAttribute, "InventoryName"),
            (property.FormatAttribute, "InventoryFormat"),
            (property.ConverterAttribute, "InventoryConverter"),
        })
        {
            if (attribute is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.IgnoredPropertyHasAttributes, AttributeLocation(attribute, SymbolLocation(property.Property, analysis)), property.Property.Name, name));
            }
        }
    }

    private static void AnalyzeName(SymbolAnalysisContext context, InventoryTypeAnalysis analysis, PropertyAnalysis property)
    {
        string name = property.AttributeName;
        int bytes = InventoryRules.Utf8ByteCount(name);
        string? problem =
            bytes < InventoryLimits.MinAttributeNameBytes ? "is empty; a name is 1 to 64 UTF-8 bytes"
            : bytes > InventoryLimits.MaxAttributeNameBytes ? $"is {bytes} UTF-8 bytes long; a name is at most {InventoryLimits.MaxAttributeNameBytes} bytes"
            : null;
        if (problem is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidAttributeName, NameLocation(property, analysis), InventoryTypeAttributeAnalyzer.Printable(name), problem));
        }
    }

    private static void AnalyzeConversion(SymbolAnalysisContext context, InventoryTypeAnalysis analysis, PropertyAnalysis property)
    {
        Location propertyLocation = SymbolLocation(property.Property, analysis);
        switch (property.Problem)
        {
            case PropertyProblem.InvalidArgument:
                // The attribute whose argument is wrong, which need not be the first of the property's attributes.
                AttributeData attribute = property.InvalidArgumentAttribute!;
                string parameter = attribute.AttributeConstructor?.Parameters.FirstOrDefault()?.Name ?? "first";
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ArgumentNotConstant,
                    ArgumentLocation(attribute, 0, parameter, propertyLocation),
                    parameter,
                    attribute.AttributeClass?.Name.Replace("Attribute", string.Empty)));
                break;
            case PropertyProblem.UnsupportedType:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.UnsupportedPropertyType, PropertyTypeLocation(property, analysis), property.Property.Name, TypeDisplay(property.PropertyType)));
                break;
            case PropertyProblem.InvalidConverter:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidConverter,
                    ArgumentLocation(property.ConverterAttribute!, 0, "converterType", propertyLocation),
                    TypeDisplay(property.ConverterType!),
                    property.Property.Name,
                    TypeDisplay(property.ValueType)));
                break;
            case PropertyProblem.FormatWithConverter:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FormatWithConverter, AttributeLocation(property.FormatAttribute!, propertyLocation), property.Property.Name));
                break;
            case PropertyProblem.FormatNotApplicable:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.FormatNotApplicable, AttributeLocation(property.FormatAttribute!, propertyLocation), TypeDisplay(property.PropertyType)));
                break;
            case PropertyProblem.None when property.Format is { } format && property.Kind is { } kind && FormatRoundTrip.Check(format, kind) is { } failure:
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.InvalidFormat, ArgumentLocation(property.FormatAttribute!, 0, "format", propertyLocation), InventoryTypeAttributeAnalyzer.Printable(format), kind, failure));
                break;
        }
    }
}
