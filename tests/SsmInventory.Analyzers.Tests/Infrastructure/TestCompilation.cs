using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SsmInventory.Analyzers.Tests;

/// <summary>The references and options every compilation in these tests uses.</summary>
internal static class TestCompilation
{
    public static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(InventoryTypeAttribute).Assembly.Location)];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The analyzers of the SSM rules (SSMINV001-033), which need nothing but the code.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> RuleAnalyzers =>
    [
        new Generator.Analyzers.InventoryTypeAttributeAnalyzer(),
        new Generator.Analyzers.InventoryPropertyAnalyzer(),
        new Generator.Analyzers.InventoryTypeNameUniquenessAnalyzer(),
        new Generator.Analyzers.InventorySizeAnalyzer(),
    ];

    /// <summary>Every analyzer the generator assembly ships, found by reflection so that a new one is never left out.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers =>
    [
        .. typeof(Generator.InventoryGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.IsDefined(typeof(DiagnosticAnalyzerAttribute), inherit: false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ];

    public static CSharpCompilation Compile(params string[] sources) => Compile(ParseOptions, sources);

    public static CSharpCompilation Compile(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "UserAssembly",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Runs <paramref name="analyzers"/> (by default <see cref="RuleAnalyzers"/>) over <paramref name="compilation"/> and returns their diagnostics together with
    /// any exception an analyzer threw (which Roslyn would otherwise turn into AD0001).
    /// </summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions)> RunAnalyzersAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, diagnostic) =>
            {
                lock (exceptions)
                {
                    exceptions.Add(new InvalidOperationException($"{analyzer.GetType().Name} threw: {diagnostic}", exception));
                }
            },
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers ?? RuleAnalyzers, options);
        ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (diagnostics, exceptions);
    }

    /// <summary>Enables the rules that are off by default, as a project's .editorconfig would.</summary>
    public static CSharpCompilation WithRule(this CSharpCompilation compilation, string id, ReportDiagnostic severity) =>
        compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItem(id, severity)));
}
