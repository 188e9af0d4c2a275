using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SsmInventory.Generator.Parsing;
using static SsmInventory.Generator.Analyzers.AnalyzerSupport;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Checks the inventory types of a whole compilation together: no TypeName used twice, and no more custom types
/// than an account can hold.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InventoryTypeNameUniquenessAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.DuplicateTypeName, Descriptors.TooManyCustomTypes];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (InventorySymbols.Resolve(start.Compilation) is not { } symbols)
            {
                return;
            }

            var types = new ConcurrentBag<(string TypeName, INamedTypeSymbol Type, Location Location)>();
            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbols.Analyze((INamedTypeSymbol)symbolContext.Symbol) is { TypeName: { } typeName } analysis)
                    {
                        Location location = ArgumentLocation(analysis.Attribute, 0, "typeName", SymbolLocation(analysis.Type, analysis));
                        types.Add((typeName, analysis.Type, location));
                    }
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => Report(end, types.ToArray()));
        });
    }

    private static void Report(CompilationAnalysisContext context, (string TypeName, INamedTypeSymbol Type, Location Location)[] types)
    {
        // Source order, so the same types are reported on every run.
        var ordered = types
            .OrderBy(t => t.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(t => t.Location.SourceSpan.Start)
            .ToArray();

        foreach (var group in ordered.GroupBy(t => t.TypeName, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var type in group)
            {
                var other = group.First(t => !SymbolEqualityComparer.Default.Equals(t.Type, type.Type));
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.DuplicateTypeName, type.Location, InventoryTypeAttributeAnalyzer.Printable(type.TypeName), TypeDisplay(other.Type)));
            }
        }

        var custom = ordered
            .Where(t => t.TypeName.StartsWith(InventoryLimits.CustomTypeNamePrefix, StringComparison.Ordinal))
            .GroupBy(t => t.TypeName, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToArray();
        for (int i = InventoryLimits.MaxCustomTypes; i < custom.Length; i++)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.TooManyCustomTypes, custom[i].Location, i + 1, InventoryLimits.MaxCustomTypes));
        }
    }
}
