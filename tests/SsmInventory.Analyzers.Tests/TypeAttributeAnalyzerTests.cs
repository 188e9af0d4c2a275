using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using SsmInventory.Generator.Analyzers;
using static SsmInventory.Analyzers.Tests.Snippets;
using VerifyCS = SsmInventory.Analyzers.Tests.Verify<SsmInventory.Generator.Analyzers.InventoryTypeAttributeAnalyzer>;

namespace SsmInventory.Analyzers.Tests;

/// <summary>SSMINV001-006 and 009-013: the TypeName, the SchemaVersion, the shape of the type and the language version.</summary>
public sealed class TypeAttributeAnalyzerTests
{
    [Theory]
    [InlineData("\"Custom:Certificate\"")]
    [InlineData("\"Custom:A\"")]
    [InlineData("\"Custom:Certificate_v2.Details-X\"")]
    [InlineData("@\"Custom:Cert\"")]
    [InlineData("\"Custom:\" + \"Certificate\"")]
    public async Task ValidTypeNames_ReportNothing(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type(typeName));
    }

    [Fact]
    public async Task ConstantExpressions_AreEvaluated()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            static class Names { public const string Prefix = "Custom:"; public const string Version = "2.1"; }

            [InventoryType(Names.Prefix + "Disk", Names.Version)]
            public sealed class Disk { public int Size { get; set; } }

            [InventoryType({|SSMINV001:nameof(Disk2)|}, Names.Version)]
            public sealed class Disk2 { public int Size { get; set; } }
            """);
    }

    [Theory]
    [InlineData("custom:Foo")]
    [InlineData("CUSTOM:Foo")]
    [InlineData("Certificate")]
    [InlineData("Custom;Foo")]
    [InlineData(" Custom:Foo")]
    public async Task SSMINV001_MissingCustomPrefix(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV001:\"{typeName}\"|}}"));
    }

    [Theory]
    [InlineData("AWS:Foo")]
    [InlineData("AWS:Application")]
    public async Task SSMINV002_ReservedAwsPrefix(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV002:\"{typeName}\"|}}"));
    }

    [Fact]
    public async Task SSMINV002_OnlyTheExactAwsPrefixIsReserved()
    {
        // "aws:" is not the reserved prefix; it is simply not "Custom:".
        await VerifyCS.AnalyzeAsync(Type("{|SSMINV001:\"aws:Foo\"|}"));
    }

    [Theory]
    [InlineData("Custom:lowercase")]
    [InlineData("Custom:")]
    [InlineData("Custom:1Password")]
    [InlineData("Custom:_Private")]
    [InlineData("Custom:élan")]
    [InlineData("Custom:Élan")] // A-Z only, as the runtime validator checks: the strictest reading of the guide.
    [InlineData("Custom:Ωmega")]
    public async Task SSMINV003_NotCapitalized(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV003:\"{typeName}\"|}}"));
    }

    [Fact]
    public async Task SSMINV003_IsAWarning()
    {
        var test = VerifyCS.Create(Type("\"Custom:lowercase\""));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.TypeNameNotCapitalized).WithSpan(5, 16, 5, 34).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).WithArguments("Custom:lowercase"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SSMINV004_Empty()
    {
        await VerifyCS.AnalyzeAsync(Type("{|SSMINV004:{|SSMINV001:\"\"|}|}"));
    }

    [Fact]
    public async Task SSMINV004_CountsUtf8BytesNotCharacters()
    {
        // "Custom:A" and 47 two-byte characters: 55 characters, but 102 UTF-8 bytes.
        string overByBytes = "Custom:A" + new string('é', 47);
        Assert.Equal(55, overByBytes.Length);
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV004:\"{overByBytes}\"|}}"));

        // 46 of them: exactly 100 bytes.
        await VerifyCS.AnalyzeAsync(Type($"\"Custom:A{new string('é', 46)}\""));

        // 34 of them (41 characters, 75 bytes) is well within the limit.
        await VerifyCS.AnalyzeAsync(Type($"\"Custom:A{new string('é', 34)}\""));
    }

    [Fact]
    public async Task SSMINV004_HundredBytesIsTheLimit()
    {
        await VerifyCS.AnalyzeAsync(Type($"\"Custom:{new string('A', 93)}\""));
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV004:\"Custom:{new string('A', 94)}\"|}}"));

        // A character outside the BMP is 2 UTF-16 units but 4 UTF-8 bytes: 7 + 92 + 4 = 103.
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV004:\"Custom:{new string('A', 92)}😀\"|}}"));
    }

    [Theory]
    [InlineData(@"Custom:Foo\tBar")]
    [InlineData(@"Custom:Foo\n")]
    [InlineData(@"Custom:Foo\u0000")]
    [InlineData(@"Custom:Foo\u007F")]
    [InlineData(@"Custom:Foo\u0085")]
    [InlineData(@"Custom:Foo\u2028Bar")]
    [InlineData(@"Custom:Foo\u2029")]
    public async Task SSMINV005_ControlCharacter(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type($"{{|SSMINV005:\"{typeName}\"|}}"));
    }

    [Theory]
    [InlineData(@"Custom:Foo Bar")]
    [InlineData(@"Custom:Foo\u00A0Bar")]
    [InlineData(@"Custom:Foo/Bar")]
    public async Task SSMINV005_PrintableCharactersAreAllowed(string typeName)
    {
        await VerifyCS.AnalyzeAsync(Type($"\"{typeName}\""));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("1.0.0")]
    [InlineData("v1")]
    [InlineData(@"1.0\n")]
    [InlineData(@"1.0\r\n")]
    [InlineData("1234567.0")]
    [InlineData("1.1234567")]
    [InlineData("")]
    [InlineData(".1")]
    [InlineData("1.")]
    [InlineData(" 1.0")]
    [InlineData("1,0")]
    [InlineData("-1.0")]
    [InlineData("１.０")]
    public async Task SSMINV006_InvalidSchemaVersion(string version)
    {
        await VerifyCS.AnalyzeAsync(Type("\"Custom:Certificate\"", $"{{|SSMINV006:\"{version}\"|}}"));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("0.0")]
    [InlineData("123456.123456")]
    [InlineData("01.000010")]
    public async Task SSMINV006_ValidSchemaVersion(string version)
    {
        await VerifyCS.AnalyzeAsync(Type("\"Custom:Certificate\"", $"\"{version}\""));
    }

    [Fact]
    public async Task NamedArgumentsOutOfOrder_AreReportedOnTheRightLiteral()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType(schemaVersion: {|SSMINV006:"1"|}, typeName: {|SSMINV001:"Foo"|})]
            public sealed class Certificate { public string? Subject { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV009_Generic()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Box", "1.0")]
            public sealed class {|SSMINV009:Box|}<T> { public int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV009_NestedInAGenericType()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public static class Outer<T>
            {
                [InventoryType("Custom:Inner", "1.0")]
                public sealed class {|SSMINV009:Inner|} { public int Size { get; set; } }
            }
            """);
    }

    [Fact]
    public async Task SSMINV009_Static()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Settings", "1.0")]
            public static class {|SSMINV009:Settings|} { public static int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV009_RefStruct()
    {
        // The generated InventoryTypeInfo<T> cannot take a ref struct as its type argument.
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Span", "1.0")]
            public ref struct {|SSMINV009:Span|} { public int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV009_InterfaceAndEnum()
    {
        // The attribute's usage already makes these compile errors; the analyzer adds its own reason.
        await VerifyCS.AnalyzeAsync(Usings + """
            [{|CS0592:InventoryType|}("Custom:IFoo", "1.0")]
            public interface {|SSMINV009:IFoo|} { int Size { get; } }

            [{|CS0592:InventoryType|}("Custom:Color", "1.0")]
            public enum {|SSMINV009:Color|} { Red }
            """);
    }

    [Fact]
    public async Task SSMINV009_SupportedShapes_ReportNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:A", "1.0")] public sealed class A { public int X { get; set; } }
            [InventoryType("Custom:B", "1.0")] public struct B { public int X { get; set; } }
            [InventoryType("Custom:C", "1.0")] public sealed record C(int X);
            [InventoryType("Custom:D", "1.0")] public readonly record struct D(int X);
            [InventoryType("Custom:E", "1.0")] public readonly struct E { public int X { get; init; } }
            public static class Container
            {
                [InventoryType("Custom:F", "1.0")] public sealed class F { public int X { get; set; } }
            }
            """);
    }

    [Theory]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("private protected")]
    public async Task SSMINV010_InaccessibleNestedType(string accessibility)
    {
        await VerifyCS.AnalyzeAsync(Usings + $$"""
            public class Outer
            {
                [InventoryType("Custom:Inner", "1.0")]
                {{accessibility}} sealed class {|SSMINV010:Inner|} { public int Size { get; set; } }
            }
            """);
    }

    [Fact]
    public async Task SSMINV010_NestedInAPrivateType()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public class Outer
            {
                private static class Middle
                {
                    [InventoryType("Custom:Inner", "1.0")]
                    public sealed class {|SSMINV010:Inner|} { public int Size { get; set; } }
                }
            }
            """);
    }

    [Fact]
    public async Task SSMINV010_FileLocalType()
    {
        // The generated class lives in another file, so it cannot see a file-local type.
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Local", "1.0")]
            file sealed class {|SSMINV010:Local|} { public int Size { get; set; } }
            """);
    }

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    [InlineData("protected internal")]
    public async Task SSMINV010_AccessibleNestedType_ReportsNothing(string accessibility)
    {
        await VerifyCS.AnalyzeAsync(Usings + $$"""
            internal class Outer
            {
                [InventoryType("Custom:Inner", "1.0")]
                {{accessibility}} sealed class Inner { public int Size { get; set; } }
            }
            """);
    }

    [Fact]
    public async Task SSMINV012_CSharp8()
    {
        await VerifyCS.Create(Usings + """
            [{|SSMINV012:InventoryType("Custom:Legacy", "1.0")|}]
            public sealed class Legacy { public int Size { get; set; } }
            """).WithLanguageVersion(LanguageVersion.CSharp8).RunAsync();
    }

    [Theory]
    [InlineData(LanguageVersion.CSharp9)]
    [InlineData(LanguageVersion.CSharp10)]
    [InlineData(LanguageVersion.Latest)]
    public async Task SSMINV012_CSharp9AndLater_ReportNothing(LanguageVersion version)
    {
        await VerifyCS.Create(Usings + """
            [InventoryType("Custom:Modern", "1.0")]
            public sealed class Modern { public int Size { get; set; } }
            """).WithLanguageVersion(version).RunAsync();
    }

    [Fact]
    public async Task SSMINV013_NullArguments()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType({|SSMINV013:null|}, "1.0")]
            public sealed class A { public int Size { get; set; } }

            [InventoryType("Custom:B", {|SSMINV013:null|})]
            public sealed class B { public int Size { get; set; } }

            [InventoryType(typeName: {|SSMINV013:default|}, schemaVersion: {|SSMINV013:(string)null|})]
            public sealed class C { public int Size { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV013_NotConstant_IsACompileErrorFirst()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public static class Names { public static string Get() => "Custom:A"; }

            [InventoryType({|CS0182:{|SSMINV013:Names.Get()|}|}, "1.0")]
            public sealed class A { public int Size { get; set; } }
            """);
    }
}
