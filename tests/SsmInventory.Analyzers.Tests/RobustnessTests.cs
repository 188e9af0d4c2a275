using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static SsmInventory.Analyzers.Tests.Snippets;

namespace SsmInventory.Analyzers.Tests;

/// <summary>
/// The analyzers and the generator run on every keystroke, so half-typed and broken code must never make them throw
/// (AD0001 for an analyzer, CS8785 for the generator). Each corpus entry goes through every analyzer and the generator,
/// with C# 8 and the latest C#.
/// </summary>
public sealed class RobustnessTests
{
    /// <summary>A valid file that uses every attribute, cut at every seventh offset.</summary>
    private const string Annotated = """
        using System;
        using System.ComponentModel.DataAnnotations;
        using SsmInventory;

        namespace Corp.Inventory
        {
            [Flags] public enum Usage { None = 0, Server = 1, Client = 2 }

            public sealed class Thumbprint : InventoryConverter<byte[]>
            {
                public override string? Write(byte[] value) => Convert.ToHexString(value);
                public override byte[] Read(string value) => Convert.FromHexString(value);
            }

            public abstract class Base { [InventoryName("Host")] public string? HostName { get; set; } }

            [InventoryType("Custom:Certificate", "1.0", MaxRows = 500)]
            public sealed record Certificate(
                [property: MaxLength(256)] string Subject,
                [property: InventoryFormat("yyyy-MM-dd")] DateTime NotAfter,
                [property: InventoryConverter(typeof(Thumbprint))] byte[] Hash,
                Usage Usage) : Base
            {
                [InventoryIgnore] public object? Raw { get; init; }
                [InventoryName("Valid")] public bool IsValid => NotAfter > DateTime.UtcNow;
                public TimeSpan? Remaining { get; init; }
            }

            public static class Outer
            {
                [InventoryType("Custom:Disk", "2.1")]
                public struct Disk { [StringLength(20)] public string? Name { get; set; } public long Size { get; set; } }
            }
        }
        """;

    [Fact]
    public async Task TruncatedFiles()
    {
        // One test over all the cuts (about 190 of them), in parallel, rather than one test case each.
        var cuts = Enumerable.Range(0, (Annotated.Length / 7) + 1).Select(i => i * 7).Append(Annotated.Length);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(cuts, async (length, _) =>
        {
            if (await RunAsync(Annotated.Substring(0, length)) is { } failure)
            {
                failures.Add($"cut at {length}: {failure}");
            }
        });
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures));
    }

    public static TheoryData<string, string> BrokenSources => new()
    {
        { "missing braces", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { public int X { get; set; } [InventoryName(\"Y\")] public int Y { get; " },
        { "missing closing brace of namespace", "namespace N { [InventoryType(\"Custom:A\", \"1.0\")] public class A { public int X { get; set; } }" },
        { "no arguments", "[InventoryType] public sealed class A { public int X { get; set; } }" },
        { "empty argument list", "[InventoryType()] public sealed class A { public int X { get; set; } }" },
        { "one argument", "[InventoryType(\"Custom:A\")] public sealed class A { public int X { get; set; } }" },
        { "three arguments", "[InventoryType(\"Custom:A\", \"1.0\", \"x\")] public sealed class A { public int X { get; set; } }" },
        { "missing argument after comma", "[InventoryType(\"Custom:A\", )] public sealed class A { public int X { get; set; } }" },
        { "not constant", "public static class N { public static string GetName() => \"Custom:A\"; } [InventoryType(N.GetName(), \"1.0\")] public sealed class A { public int X { get; set; } }" },
        { "wrong argument types", "[InventoryType(1, 2)] public sealed class A { public int X { get; set; } }" },
        { "wrong named argument", "[InventoryType(\"Custom:A\", \"1.0\", MaxRows = \"many\", Nope = 1)] public sealed class A { public int X { get; set; } }" },
        { "MaxRows not constant", "[InventoryType(\"Custom:A\", \"1.0\", MaxRows = int.Parse(\"1\"))] public sealed class A { [System.ComponentModel.DataAnnotations.MaxLength(5)] public string? X { get; set; } }" },
        { "negative MaxRows and MaxLength", "[InventoryType(\"Custom:A\", \"1.0\", MaxRows = -5)] public sealed class A { [System.ComponentModel.DataAnnotations.MaxLength(-1)] public string? X { get; set; } }" },
        { "null property arguments", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryName(null)] public int X { get; set; } [InventoryConverter(null)] public int Y { get; set; } [InventoryFormat(null)] public DateTime Z { get; set; } }" },
        { "wrong property argument types", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryConverter(typeof(int))] public int X { get; set; } [InventoryFormat(5)] public DateTime Y { get; set; } [InventoryName(5)] public int Z { get; set; } [InventoryConverter(\"x\")] public int W { get; set; } }" },
        { "property attributes without arguments", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryName] public int X { get; set; } [InventoryConverter] public int Y { get; set; } [InventoryFormat] public DateTime Z { get; set; } [InventoryIgnore(1)] public int W { get; set; } }" },
        { "unknown converter type", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryConverter(typeof(Missing))] public int X { get; set; } }" },
        { "open generic converter", "public class C<T> : InventoryConverter<T> { public override string? Write(T v) => null; public override T Read(string v) => default!; } [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryConverter(typeof(C<>))] public int X { get; set; } }" },
        { "converter deriving from itself", "public class C : C { } [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryConverter(typeof(C))] public int X { get; set; } }" },
        { "unknown property type", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { public Missing X { get; set; } public List<Missing> Y { get; set; } }" },
        { "recursive type", "[InventoryType(\"Custom:Node\", \"1.0\")] public sealed class Node { public Node? Parent { get; set; } public Node[]? Children { get; set; } public string? Name { get; set; } }" },
        { "cyclic base classes", "[InventoryType(\"Custom:A\", \"1.0\")] public class A : B { public int X { get; set; } } public class B : A { public int Y { get; set; } }" },
        { "generic base class", "public class Base<T> { public T? Value { get; set; } public int Count { get; set; } } [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A : Base<string> { public int X { get; set; } }" },
        { "generic base class over itself", "public class Base<T> where T : Base<T> { public T? Self { get; set; } } [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A : Base<A> { }" },
        { "record inheriting an annotated record", "[InventoryType(\"Custom:Base\", \"1.0\")] public record Base(string Name); [InventoryType(\"Custom:Derived\", \"1.0\")] public sealed record Derived(string Name, int Extra) : Base(Name); public sealed record Unmarked(string Name) : Base(Name);" },
        { "interface and enum", "[InventoryType(\"Custom:I\", \"1.0\")] public interface I { int X { get; } } [InventoryType(\"Custom:E\", \"1.0\")] public enum E { A } [InventoryType(\"Custom:D\", \"1.0\")] public delegate void D();" },
        { "attribute on a method and a property", "public class A { [InventoryType(\"Custom:M\", \"1.0\")] public void M() { } [InventoryType(\"Custom:P\", \"1.0\")] public int P { get; set; } }" },
        { "partial class with the attribute twice", "[InventoryType(\"Custom:A\", \"1.0\")] public partial class A { public int X { get; set; } } [InventoryType(\"Custom:B\", \"2.0\")] public partial class A { public int Y { get; set; } }" },
        { "attribute twice on one declaration", "[InventoryType(\"Custom:A\", \"1.0\"), InventoryType(\"Custom:A\", \"1.0\")] public class A { public int X { get; set; } }" },
        { "keyword property names", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { public int @class { get; set; } public string? @namespace { get; set; } [InventoryName(\"int\")] public int @int { get; set; } }" },
        { "odd property shapes", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { private int _x; public int SetOnly { set { } } public int this[int i] => i; public static int Static { get; set; } public ref int Ref => ref _x; public ref readonly int RefReadonly => ref _x; public int Expression => 1; public extern int External { get; } }" },
        { "explicit interface property", "public interface I { int X { get; } } [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A : I { int I.X => 1; public int Y { get; set; } }" },
        { "nested in a generic type", "public class Outer<T> { [InventoryType(\"Custom:Inner\", \"1.0\")] public sealed class Inner { public T? Value { get; set; } public int X { get; set; } } }" },
        { "very deep nesting", string.Concat(Enumerable.Repeat("public class N { ", 60)) + "[InventoryType(\"Custom:Deep\", \"1.0\")] public class Deep { public int X { get; set; } }" + new string('}', 60) },
        { "unicode and control characters", "[InventoryType(\"Custom:\\u0000\\uD800\", \"\\u2028\")] public sealed class A { [InventoryName(\"\\uDC00\\b\")] public int X { get; set; } [InventoryName(\"\")] public int Y { get; set; } }" },
        { "huge values", "[InventoryType(\"Custom:A\", \"999999999999999999999.1\", MaxRows = int.MaxValue)] public sealed class A { [System.ComponentModel.DataAnnotations.MaxLength(int.MaxValue)] public string? X { get; set; } [System.ComponentModel.DataAnnotations.StringLength(int.MaxValue)] public string? Y { get; set; } }" },
        { "enum with huge flags", "[System.Flags] public enum F : ulong { A = 1, B = ulong.MaxValue, C = 1UL << 63 } public enum Empty { } [InventoryType(\"Custom:A\", \"1.0\", MaxRows = 10)] public sealed class A { public F Flags { get; set; } public Empty E { get; set; } }" },
        { "odd formats", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryFormat(\"\")] public DateTime A1 { get; set; } [InventoryFormat(\"\\\\\")] public TimeSpan A2 { get; set; } [InventoryFormat(\"'\")] public DateOnly A3 { get; set; } [InventoryFormat(\"%\")] public TimeOnly A4 { get; set; } [InventoryFormat(\"\\\"\")] public DateTimeOffset A5 { get; set; } }" },
        { "constructor shapes", "[InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { [InventoryConstructor] public A(ref int x, out int y, params int[] z) { y = 0; } [InventoryConstructor] public A(int X) { } public int X { get; } } [InventoryType(\"Custom:S\", \"1.0\")] public struct S { public S(int x, int x2) { X = x; } public int X { get; } }" },
        { "static and abstract types", "[InventoryType(\"Custom:A\", \"1.0\")] public static class A { } [InventoryType(\"Custom:B\", \"1.0\")] public abstract class B { public abstract int X { get; } }" },
        { "attribute in the wrong place", "[assembly: InventoryType(\"Custom:A\", \"1.0\")] [InventoryType(\"Custom:B\", \"1.0\")] public sealed class B { [return: InventoryName(\"x\")] public int M() => 0; }" },
        { "top-level statements", "var x = 1; [InventoryType(\"Custom:A\", \"1.0\")] public sealed class A { public int X { get; set; } }" },
        { "only an attribute", "[InventoryType(\"Custom:A\", \"1.0\")]" },
        { "garbage", "}}}{{{ [[[ InventoryType ((( \"\"\" ;;; class" },
        { "file-local and ref struct", "[InventoryType(\"Custom:A\", \"1.0\")] file class A { public int X { get; set; } } [InventoryType(\"Custom:R\", \"1.0\")] public ref struct R { public int X { get; set; } }" },
        { "property of a pointer and function pointer type", "[InventoryType(\"Custom:A\", \"1.0\")] public unsafe sealed class A { public int* P { get; set; } public delegate*<int> F { get; set; } }" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task BrokenAndOddSources(string name, string source)
    {
        string? failure = await RunAsync(Usings + source);
        Assert.True(failure is null, $"{name}: {failure}");
    }

    [Fact]
    public async Task WithoutTheRuntimeLibrary_NothingRuns()
    {
        // A project that does not reference SsmInventory but declares look-alike attributes.
        var compilation = CSharpCompilation.Create(
            "NoRuntime",
            [CSharpSyntaxTree.ParseText("""
                namespace SsmInventory { public sealed class InventoryTypeAttribute : System.Attribute { public InventoryTypeAttribute(string a, string b) { } } }
                [SsmInventory.InventoryType("bad", "bad")] public sealed class A { public object? X { get; set; } }
                """, TestCompilation.ParseOptions)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation, TestCompilation.AllAnalyzers);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
        var (result, _, generatorDiagnostics) = GeneratorRunner.Run(compilation);
        Assert.Empty(generatorDiagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
    }

    [Fact]
    public async Task TheHarnessCatchesAnalyzerExceptions()
    {
        // Proves the corpus tests above would notice a crash.
        var (_, exceptions) = await TestCompilation.RunAnalyzersAsync(TestCompilation.Compile("class A { }"), [new ThrowingAnalyzer()]);
        Assert.NotEmpty(exceptions);
    }

    // Not marked [DiagnosticAnalyzer] (which would make this test assembly an analyzer assembly): it is only passed in directly.
#pragma warning disable RS1001 // Missing DiagnosticAnalyzer attribute
    private sealed class ThrowingAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Generator.Analyzers.Descriptors.TypeNameLength];

        public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(Microsoft.CodeAnalysis.Diagnostics.GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(_ => throw new InvalidOperationException("boom"), SymbolKind.NamedType);
        }
    }

    /// <summary>Null when nothing threw; otherwise what did.</summary>
    private static async Task<string?> RunAsync(string source)
    {
        var problems = new List<string>();
        foreach (LanguageVersion version in new[] { LanguageVersion.Latest, LanguageVersion.CSharp8 })
        {
            CSharpCompilation compilation = TestCompilation.Compile(TestCompilation.ParseOptions.WithLanguageVersion(version), source);
            try
            {
                var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation, TestCompilation.AllAnalyzers);
                problems.AddRange(exceptions.Select(e => e.ToString()));
                problems.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString()));

                var (result, _, generatorDiagnostics) = GeneratorRunner.Run(compilation);
                problems.AddRange(generatorDiagnostics.Where(d => d.Id is "CS8785" or "CS8784").Select(d => d.ToString()));
                problems.AddRange(result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString()));
                problems.AddRange(result.Diagnostics.Where(d => d.Id is "CS8785" or "CS8784").Select(d => d.ToString()));
            }
            catch (Exception e)
            {
                problems.Add(e.ToString());
            }
        }

        return problems.Count == 0 ? null : string.Join("\n", problems);
    }
}
