using Microsoft.CodeAnalysis;
using static SsmInventory.Analyzers.Tests.Snippets;

namespace SsmInventory.Analyzers.Tests;

/// <summary>
/// The analyzers are the generator's error reporting: whenever they report no error for a type, the code generated for
/// it must compile. Each case is an unusual but legal type.
/// </summary>
public sealed class GeneratorConsistencyTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "file-local type", """
            [InventoryType("Custom:Local", "1.0")]
            file sealed class Local { public int Size { get; set; } }
            """ },
        { "ref struct", """
            [InventoryType("Custom:Span", "1.0")]
            public ref struct Span { public int Size { get; set; } }
            """ },
        { "private converter", """
            public class Holder
            {
                private sealed class Conv : InventoryConverter<Guid> { public override string? Write(Guid v) => null; public override Guid Read(string v) => default; }

                [InventoryType("Custom:Held", "1.0")]
                public sealed class Held { [InventoryConverter(typeof(Conv))] public Guid Id { get; set; } }
            }
            """ },
        { "protected internal nested type", """
            public class Outer
            {
                [InventoryType("Custom:Inner", "1.0")]
                protected internal sealed class Inner { public int Size { get; set; } }
            }
            """ },
        { "keyword names", """
            public enum Kind { @class, @int }
            [InventoryType("Custom:Keywords", "1.0")]
            public sealed class Keywords { public int @class { get; set; } public Kind @event { get; set; } public string? @string { get; set; } }
            """ },
        { "global namespace record struct with constructor", """
            [InventoryType("Custom:Point", "1.0")]
            public readonly record struct Point(int X, int Y);
            """ },
        { "record inheriting an annotated record", """
            [InventoryType("Custom:Base", "1.0")]
            public record Base(string Name);
            [InventoryType("Custom:Derived", "1.0")]
            public sealed record Derived(string Name, int Extra) : Base(Name);
            """ },
        { "required and init properties", """
            [InventoryType("Custom:Req", "1.0")]
            public sealed class Req { public required string Name { get; init; } public int? Count { get; init; } }
            """ },
        { "self-referencing ignored property", """
            [InventoryType("Custom:Node", "1.0")]
            public sealed class Node { public string? Name { get; set; } [InventoryIgnore] public Node? Parent { get; set; } }
            """ },
        { "odd attribute names", """
            [InventoryType("Custom:Names", "1.0")]
            public sealed class Names
            {
                [InventoryName("a \"quoted\" \\ name")] public int A { get; set; }
                [InventoryName("ünïcødé 😀")] public int B { get; set; }
                [InventoryName("line\nbreak")] public int C { get; set; }
            }
            """ },
        { "converter for a nullable value type", """
            public sealed class Conv : InventoryConverter<Guid> { public override string? Write(Guid v) => v.ToString(); public override Guid Read(string v) => Guid.Parse(v); }
            [InventoryType("Custom:Nullable", "1.0")]
            public sealed class Nullable { [InventoryConverter(typeof(Conv))] public Guid? Id { get; set; } }
            """ },
        { "type nested in a struct in a namespace", """
            namespace A.B.C
            {
                public struct Outer
                {
                    [InventoryType("Custom:Nested", "1.0")]
                    public struct Nested { public DateOnly Day { get; set; } [InventoryFormat("HH'h'mm")] public TimeOnly At { get; set; } }
                }
            }
            """ },
        { "flags enum", """
            [Flags] public enum Perm : byte { None = 0, Read = 1, Write = 2, @checked = 4 }
            [InventoryType("Custom:Perms", "1.0")]
            public sealed class Perms { public Perm P { get; set; } public Perm? Q { get; set; } }
            """ },
        { "hidden base property", """
            public class Root { public int Id { get; set; } public string? Name { get; set; } }
            [InventoryType("Custom:Leaf", "1.0")]
            public sealed class Leaf : Root { public new string? Id { get; set; } }
            """ },
        { "property names like the generated locals", """
            [InventoryType("Custom:Locals", "1.0")]
            public sealed class Locals
            {
                public int row { get; set; } public int value { get; set; } public int text { get; set; } public int p0 { get; set; }
                public int t0 { get; set; } public int found { get; set; } public int TypeInfo { get; set; } public int result { get; set; }
                public string? global { get; set; } public int System { get; set; } public int values { get; set; } public int item { get; set; }
            }
            """ },
        { "names that shadow the runtime's", """
            namespace App.SsmInventory.Metadata
            {
                public sealed class InventoryValue { }
                public sealed class InventoryTypeInfo<T> { }
                [global::SsmInventory.InventoryType("Custom:Shadow", "1.0")]
                public sealed class System { public int Guid { get; set; } public global::System.DateTime String { get; set; } }
            }
            """ },
        { "type named with a keyword and odd TypeName characters", """
            [InventoryType("Custom:A \"quoted\" \\ name {0} \u00e9", "1.0")]
            public sealed class @class { public int X { get; set; } }
            """ },
        { "enum nested in a generic type", """
            public static class Outer<T> { public enum Color { Red, Green } }
            [InventoryType("Custom:Painted", "1.0")]
            public sealed class Painted { public Outer<int>.Color Color { get; set; } public Outer<string>.Color? Other { get; set; } }
            """ },
        { "generic base class", """
            public class Base<T> { public T? Value { get; set; } }
            [InventoryType("Custom:FromGeneric", "1.0")]
            public sealed class FromGeneric : Base<string> { public int Count { get; set; } }
            """ },
        { "get-only properties with a parameterless constructor", """
            [InventoryType("Custom:Computed", "1.0")]
            public sealed class Computed { public int Size { get; set; } public int Double => Size * 2; public string Name { get; } = "x"; }
            """ },
        { "struct with a non-matching constructor", """
            [InventoryType("Custom:Pair", "1.0")]
            public struct Pair { public Pair(int a, int b) { X = a; Y = b; } public int X { get; set; } public int Y { get; set; } }
            """ },
        { "required members with SetsRequiredMembers", """
            [InventoryType("Custom:Req2", "1.0")]
            public sealed class Req2
            {
                [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public Req2(string name) => Name = name;
                public required string Name { get; init; }
            }
            """ },
        { "abstract type (write only)", """
            [InventoryType("Custom:Abstract", "1.0")]
            public abstract class Abstract { public int Size { get; set; } }
            """ },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WhenTheAnalyzersReportNoError_TheGeneratedCodeCompiles(string name, string source)
    {
        var compilation = TestCompilation.Compile(Usings + source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var (analyzerDiagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation);
        Assert.Empty(exceptions);
        var (result, output, generatorDiagnostics) = GeneratorRunner.Run(compilation);
        Assert.Empty(generatorDiagnostics);
        Assert.All(result.Results, r => Assert.Null(r.Exception));

        if (analyzerDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return;
        }

        // Nothing is dropped silently: the generator emits one file per [InventoryType] type.
        int inventoryTypes = compilation.SyntaxTrees
            .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
            .Count(t => t.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("InventoryType", StringComparison.Ordinal)));
        Assert.Equal(inventoryTypes, result.Results.Single().GeneratedSources.Length);

        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, $"{name}: the analyzers reported no error, but the generated code does not compile:\n{string.Join("\n", errors)}");
    }
}
