using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SsmInventory.Generator.Model;

namespace SsmInventory.Generator.Tests;

public sealed class IncrementalTests
{
    private const string InventorySource = """
        using System;
        using SsmInventory;

        namespace Contoso;

        [Flags] public enum Access { None = 0, Read = 1, Write = 2 }

        [InventoryType("Custom:Certificate", "1.0")]
        public sealed record Certificate(string Subject, DateTime NotAfter, Access Access);

        [InventoryType("Custom:Rack", "1.0")]
        public struct Rack { public string? Id { get; set; } public int Slot { get; set; } }
        """;

    private const string UnrelatedSource = """
        namespace Contoso;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_the_specs_and_outputs_cached()
    {
        GeneratorRunResult result = RunAgainAfterEdit("Source1.cs", UnrelatedSource.Replace("x * 2", "x + x"));

        IncrementalGeneratorRunStep[] specSteps = result.TrackedSteps[InventoryGenerator.SpecStep].ToArray();
        Assert.Equal(2, specSteps.Length);
        Assert.All(specSteps.SelectMany(s => s.Outputs), output =>
            Assert.Contains(output.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), output =>
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Editing_one_type_regenerates_only_that_type()
    {
        GeneratorRunResult result = RunAgainAfterEdit("Source0.cs", InventorySource.Replace("\"Custom:Rack\", \"1.0\"", "\"Custom:Rack\", \"1.1\""));

        var reasons = result.TrackedSteps[InventoryGenerator.SpecStep].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Single(reasons, IncrementalStepRunReason.Modified);
        Assert.Single(reasons, r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached);
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("\"1.1\""));
    }

    [Fact]
    public void Specs_hold_no_symbols_syntax_locations_or_compilations()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(InventorySource);
        GeneratorRunResult result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        object[] specs = result.TrackedSteps[InventoryGenerator.SpecStep].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        Assert.Equal(2, specs.Length);

        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (object spec in specs)
        {
            Assert.IsType<InventoryTypeSpec>(spec);
            Walk(spec, "spec", visited);
        }

        // The walk must actually reach nested values, or it proves nothing.
        Assert.Contains(visited, v => v is PropertySpec);
        Assert.Contains(visited, v => v is EnumMemberSpec);
    }

    [Fact]
    public void Specs_from_separate_compilations_are_equal()
    {
        InventoryTypeSpec[] first = Specs(GeneratorHarness.Compile(InventorySource));
        InventoryTypeSpec[] second = Specs(GeneratorHarness.Compile(InventorySource, UnrelatedSource));
        Assert.Equal(first, second);
        Assert.Equal(first.Select(s => s.GetHashCode()), second.Select(s => s.GetHashCode()));
    }

    /// <summary>Runs the generator over both sources, then again after replacing one file's text, with the same driver.</summary>
    private static GeneratorRunResult RunAgainAfterEdit(string filePath, string newText)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(InventorySource, UnrelatedSource);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree tree = compilation.SyntaxTrees.Single(t => t.FilePath == filePath);
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(newText)));
        return driver.RunGenerators(edited).GetRunResult().Results.Single();
    }

    private static InventoryTypeSpec[] Specs(CSharpCompilation compilation) =>
        GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single()
            .TrackedSteps[InventoryGenerator.SpecStep].SelectMany(s => s.Outputs).Select(o => (InventoryTypeSpec)o.Value).ToArray();

    private static void Walk(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel,
            $"{path} holds a {value.GetType().Name}, which would keep the compilation alive and defeat caching.");
        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                Walk(item, $"{path}[{i++}]", visited);
            }

            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", visited);
        }
    }
}
