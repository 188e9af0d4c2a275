using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SsmInventory.Generator.Parsing;

namespace SsmInventory.Generator.Tests;

public sealed class GeneratorBehaviourTests
{
    [Fact]
    public void Names_with_quotes_backslashes_newlines_comment_markers_and_any_unicode_compile_and_round_trip()
    {
        string[] names =
        [
            "quote\"", "back\\slash", "new\nline", "cr\rlf", "*/ end comment", "/* start", "// line", "\"\"\"raw",
            "tab\t", "nul\0", "é", "😀", "\u2028", "\u0085", "lone\uD800", "{0}", "$\"{x}\"", "#pragma",
        ];
        string properties = string.Join(Environment.NewLine, names.Select((name, i) =>
            $"    [InventoryName({SymbolDisplay.FormatLiteral(name, quote: true)})] public string? P{i} {{ get; set; }}"));
        string typeName = "Custom:" + string.Concat(names.Take(8));
        string source = $$"""
            using SsmInventory;
            namespace N;
            [InventoryType({{SymbolDisplay.FormatLiteral(typeName, quote: true)}}, "1.0")]
            public sealed class Odd
            {
            {{properties}}
            }
            """;

        var assembly = GeneratorHarness.GenerateAndLoad(source);
        dynamic info = GeneratorHarness.TypeInfo(assembly, "N.OddInventory");
        Assert.Equal(typeName, (string)info.TypeName);

        var row = names.Select((name, i) => (name, value: "value" + i)).ToDictionary(p => p.name, p => p.value);
        object instance = info.ReadRow(row, 0);
        Dictionary<string, string> written = info.WriteRow((dynamic)instance);
        Assert.Equal(row, written);
    }

    [Theory]
    [InlineData("public class Generic<T> { public T? Value { get; set; } }")]
    [InlineData("public static class Holder { [InventoryType(\"Custom:X\", \"1.0\")] private sealed class Hidden { public int A { get; set; } } }")]
    [InlineData("public class Unsupported { public object? Value { get; set; } }")]
    [InlineData("public class BadConverter { [InventoryConverter(typeof(string))] public string? Value { get; set; } }")]
    [InlineData("public class FormatOnString { [InventoryFormat(\"O\")] public string? Value { get; set; } }")]
    [InlineData("public class Duplicate { public int A { get; set; } [InventoryName(\"a\")] public int B { get; set; } }")]
    [InlineData("public static class StaticType { }")]
    public void Types_the_analyzers_report_generate_nothing_and_break_nothing(string declaration)
    {
        string source = $$"""
            using SsmInventory;
            namespace N;
            [InventoryType("Custom:X", "1.0")]
            {{declaration}}
            """;

        // Run asserts that the generator neither threw nor reported anything.
        (GeneratorRunResult result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));

        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Language_versions_before_CSharp_9_get_no_generated_code()
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp8);
        string source = """
            using SsmInventory;
            [InventoryType("Custom:X", "1.0")]
            public class X { public int A { get; set; } }
            """;
        (GeneratorRunResult result, _) = GeneratorHarness.Run(GeneratorHarness.Compile(options, source));
        Assert.Empty(result.GeneratedSources);
    }

    [Fact]
    public void Output_is_deterministic_and_hint_names_are_stable()
    {
        string[] sources =
        [
            "using SsmInventory; namespace A { [InventoryType(\"Custom:One\", \"1.0\")] public class One { public int X { get; set; } } }",
            "using SsmInventory; namespace B { [InventoryType(\"Custom:Two\", \"1.0\")] public class Two { public string? Y { get; set; } } }",
            "using SsmInventory; namespace B { public static class Outer { [InventoryType(\"Custom:Three\", \"1.0\")] public class Under_Score { public int Z { get; set; } } } }",
        ];

        var first = Generate(sources);
        var reordered = Generate(sources.Reverse().ToArray());

        Assert.Equal(first.OrderBy(p => p.Key, StringComparer.Ordinal), reordered.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(["A.One.Inventory.g.cs", "B.Outer.Under__Score.Inventory.g.cs", "B.Two.Inventory.g.cs"], first.Keys.Order(StringComparer.Ordinal));

        static Dictionary<string, string> Generate(string[] sources) =>
            GeneratorHarness.Run(GeneratorHarness.Compile(sources)).Result.GeneratedSources
                .ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    [Fact]
    public void Types_whose_names_differ_only_in_escaped_characters_get_distinct_hint_names()
    {
        string source = """
            using SsmInventory;
            namespace N;
            [InventoryType("Custom:A", "1.0")] public class Ü { public int X { get; set; } }
            [InventoryType("Custom:B", "1.0")] public class _00DC { public int X { get; set; } }
            [InventoryType("Custom:C", "1.0")] public class __00DC { public int X { get; set; } }
            """;
        (GeneratorRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        Assert.Equal(3, result.GeneratedSources.Select(s => s.HintName).Distinct().Count());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Partial_types_declared_in_several_files_generate_once()
    {
        (GeneratorRunResult result, Compilation output) = GeneratorHarness.Run(GeneratorHarness.Compile(
            "using SsmInventory; namespace N; [InventoryType(\"Custom:P\", \"1.0\")] public partial class P { public int A { get; set; } }",
            "namespace N; public partial class P { public int B { get; set; } }"));
        GeneratedSourceResult generated = Assert.Single(result.GeneratedSources);
        Assert.Contains("\"B\"", generated.SourceText.ToString());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Type_names_in_generated_code_are_the_fully_qualified_display_for_every_special_type()
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(string.Empty);
        foreach (SpecialType special in Enum.GetValues<SpecialType>().Where(t => t != SpecialType.None))
        {
            INamedTypeSymbol type = compilation.GetSpecialType(special);
            foreach (ITypeSymbol annotated in new[] { type, type.WithNullableAnnotation(NullableAnnotation.Annotated) })
            {
                Assert.Equal(annotated.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), InventoryTypeParser.FullyQualifiedName(annotated));
            }
        }
    }
}
