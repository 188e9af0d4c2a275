using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SsmInventory.Generator.Parsing;
using static SsmInventory.Generator.Analyzers.AnalyzerSupport;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Checks the <c>[InventoryType]</c> attribute itself: the TypeName and SchemaVersion rules of the service and the
/// SSM Agent, the shape and accessibility of the type, and the language version the generated code needs.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InventoryTypeAttributeAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        Descriptors.TypeNameMissingCustomPrefix,
        Descriptors.TypeNameReservedAwsPrefix,
        Descriptors.TypeNameNotCapitalized,
        Descriptors.TypeNameLength,
        Descriptors.TypeNameControlCharacter,
        Descriptors.InvalidSchemaVersion,
        Descriptors.UnsupportedTypeShape,
        Descriptors.InaccessibleType,
        Descriptors.LanguageVersionTooLow,
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
        Location typeLocation = SymbolLocation(analysis.Type, analysis);
        Location nameLocation = ArgumentLocation(analysis.Attribute, 0, "typeName", typeLocation);
        Location versionLocation = ArgumentLocation(analysis.Attribute, 1, "schemaVersion", typeLocation);

        if (analysis.Type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp9 } options)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LanguageVersionTooLow, TypeAttributeLocation(analysis), options.LanguageVersion.ToDisplayString()));
        }

        if (analysis.TypeName is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ArgumentNotConstant, nameLocation, "typeName", "InventoryType"));
        }
        else
        {
            AnalyzeTypeName(context, analysis.TypeName, nameLocation);
        }

        if (analysis.SchemaVersion is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ArgumentNotConstant, versionLocation, "schemaVersion", "InventoryType"));
        }
        else if (!InventoryRules.IsValidSchemaVersion(analysis.SchemaVersion))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.InvalidSchemaVersion,
                versionLocation,
                Suggest(NormalizeSchemaVersion(analysis.SchemaVersion)),
                Printable(analysis.SchemaVersion)));
        }

        switch (analysis.ShapeProblem)
        {
            case TypeShapeProblem.Generic:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypeShape, typeLocation, TypeDisplay(analysis.Type), "is generic or nested in a generic type"));
                break;
            case TypeShapeProblem.Static:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypeShape, typeLocation, TypeDisplay(analysis.Type), "is static"));
                break;
            case TypeShapeProblem.NotClassOrStruct:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypeShape, typeLocation, TypeDisplay(analysis.Type), "is not a class or struct"));
                break;
            case TypeShapeProblem.RefLike:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnsupportedTypeShape, typeLocation, TypeDisplay(analysis.Type), "is a ref struct"));
                break;
            case TypeShapeProblem.Inaccessible:
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.InaccessibleType, typeLocation, TypeDisplay(analysis.Type)));
                break;
        }
    }

    private static void AnalyzeTypeName(SymbolAnalysisContext context, string typeName, Location location)
    {
        int bytes = InventoryRules.Utf8ByteCount(typeName);
        if (bytes < InventoryLimits.MinTypeNameLength || bytes > InventoryLimits.MaxTypeNameLength)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeNameLength, location, bytes, InventoryLimits.MaxTypeNameLength));
        }

        foreach (char c in typeName)
        {
            // The model's pattern ^(AWS|Custom):.*$ stops at line terminators, including U+2028 and U+2029.
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeNameControlCharacter, location, ((int)c).ToString("X4", CultureInfo.InvariantCulture)));
                break;
            }
        }

        if (typeName.StartsWith(InventoryLimits.AwsTypeNamePrefix, StringComparison.Ordinal))
        {
            string suggestion = InventoryLimits.CustomTypeNamePrefix + typeName.Substring(InventoryLimits.AwsTypeNamePrefix.Length);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeNameReservedAwsPrefix, location, Suggest(suggestion), Printable(typeName)));
        }
        else if (!typeName.StartsWith(InventoryLimits.CustomTypeNamePrefix, StringComparison.Ordinal))
        {
            string rest = typeName.StartsWith(InventoryLimits.CustomTypeNamePrefix, StringComparison.OrdinalIgnoreCase)
                ? typeName.Substring(InventoryLimits.CustomTypeNamePrefix.Length)
                : typeName;
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.TypeNameMissingCustomPrefix, location, Suggest(InventoryLimits.CustomTypeNamePrefix + rest), Printable(typeName)));
        }
        else
        {
            // A capital A-Z, the rule the runtime validator applies too.
            if (!InventoryRules.IsCapitalizedTypeName(typeName))
            {
                string rest = typeName.Substring(InventoryLimits.CustomTypeNamePrefix.Length);
                string? suggestion = rest.Length > 0 && rest[0] is >= 'a' and <= 'z'
                    ? InventoryLimits.CustomTypeNamePrefix + char.ToUpperInvariant(rest[0]) + rest.Substring(1)
                    : null;
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TypeNameNotCapitalized, location, Suggest(suggestion), Printable(typeName)));
            }
        }
    }

    /// <summary>
    /// The valid version a user most likely meant: the first two runs of digits (<c>v1.2.3</c> → <c>1.2</c>), a lone
    /// number with <c>.0</c> (<c>1</c> → <c>1.0</c>), or null when there is no such version.
    /// </summary>
    internal static string? NormalizeSchemaVersion(string version)
    {
        var parts = new List<string>();
        var digits = new StringBuilder();
        foreach (char c in version + " ")
        {
            if (c is >= '0' and <= '9')
            {
                digits.Append(c);
            }
            else if (digits.Length > 0)
            {
                parts.Add(digits.ToString());
                digits.Clear();
            }
        }

        string candidate = parts.Count switch
        {
            0 => string.Empty,
            1 => parts[0] + ".0",
            _ => parts[0] + "." + parts[1],
        };
        return InventoryRules.IsValidSchemaVersion(candidate) ? candidate : null;
    }

    private static ImmutableDictionary<string, string?> Suggest(string? suggestion) =>
        suggestion is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(DiagnosticIds.SuggestionProperty, suggestion);

    // Messages quote user strings; control characters would break the message across lines, so they are shown escaped.
    internal static string Printable(string text)
    {
        var printable = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            printable.Append(char.IsControl(c) ? "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString());
        }

        return printable.ToString();
    }
}
