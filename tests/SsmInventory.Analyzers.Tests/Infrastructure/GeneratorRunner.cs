using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SsmInventory.Generator;

namespace SsmInventory.Analyzers.Tests;

/// <summary>Runs the source generator the way the compiler does.</summary>
internal static class GeneratorRunner
{
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(CSharpCompilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new InventoryGenerator().AsSourceGenerator()],
            parseOptions: (CSharpParseOptions)(compilation.SyntaxTrees.FirstOrDefault()?.Options ?? TestCompilation.ParseOptions));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return (driver.GetRunResult(), output, diagnostics);
    }
}
