using Microsoft.CodeAnalysis;
using static SsmInventory.Analyzers.Tests.Snippets;
using VerifyCS = SsmInventory.Analyzers.Tests.Verify<SsmInventory.Generator.Analyzers.InventorySizeAnalyzer>;

namespace SsmInventory.Analyzers.Tests;

/// <summary>SSMINV030-033: sizes proven at build time.</summary>
public sealed class SizeAnalyzerTests
{
    // SSMINV030

    [Fact]
    public async Task SSMINV030_MaxLengthCanExceed4096Bytes()
    {
        // 2000 UTF-16 units can be 6000 UTF-8 bytes.
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item
            {
                [MaxLength(2000)] public string? {|SSMINV030:Description|} { get; set; }
                [StringLength(1366)] public string? {|SSMINV030:Boundary|} { get; set; }
                [StringLength(1000)] [MaxLength(5000)] public string? Smallest { get; set; }
            }
            """);
    }

    [Fact]
    public async Task SSMINV030_PositionalRecordParameter()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed record Item([property: MaxLength(5000)] string {|SSMINV030:Text|});
            """);
    }

    [Fact]
    public async Task SSMINV030_WithinTheLimit_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            public enum Color { Red, Green }

            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item
            {
                [MaxLength(1000)] public string? Description { get; set; }
                [MaxLength(1365)] public string? Boundary { get; set; }
                [MaxLength(5000)] [InventoryIgnore] public string? Ignored { get; set; }
                public string? Unbounded { get; set; }
                public Color Color { get; set; }
                public decimal Amount { get; set; }
                [InventoryFormat("yyyy-MM-dd")] public DateTime Day { get; set; }
            }
            """);
    }

    // SSMINV031

    [Fact]
    public async Task SSMINV031_BoundedRowsCanExceed200KB()
    {
        // Each row is at most 2 + 3 * (6 + 60 + 6) = 218 bytes of JSON, so 5000 rows are over 1 MB.
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0", MaxRows = {|SSMINV031:5000|})]
            public sealed class Item
            {
                [MaxLength(10)] public string? A { get; set; }
                [MaxLength(10)] public string? B { get; set; }
                [MaxLength(10)] public string? C { get; set; }
            }
            """);
    }

    [Fact]
    public async Task SSMINV031_SmallMaxRows_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0", MaxRows = 50)]
            public sealed class Item
            {
                [MaxLength(10)] public string? A { get; set; }
                [MaxLength(10)] public string? B { get; set; }
                [MaxLength(10)] public string? C { get; set; }
            }
            """);
    }

    [Fact]
    public async Task SSMINV031_ExactlyAtTheLimit_IsReported()
    {
        // Project policy is to stay strictly under 200 KB. The worst case here is exactly 204,800 bytes:
        // 370 bytes of envelope + 66 for the 11-character TypeName + 5378 rows * (37 + 1 for the comma).
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Edge", "1.0", MaxRows = {|SSMINV031:5378|})]
            public sealed class Edge
            {
                [MaxLength(1)] public string? A { get; set; }
                public bool B { get; set; }
            }
            """);
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Edge", "1.0", MaxRows = 5377)]
            public sealed class Edge
            {
                [MaxLength(1)] public string? A { get; set; }
                public bool B { get; set; }
            }
            """);
    }

    [Fact]
    public async Task SSMINV031_AnUnboundedValueCannotBeProven_ReportsNothing()
    {
        // Only the (opt-in) SSMINV033 on the string that has no bound.
        await VerifyCS.Create(Usings + """
            public sealed class Conv : InventoryConverter<Guid> { public override string? Write(Guid v) => null; public override Guid Read(string v) => default; }

            [InventoryType("Custom:Item", "1.0", MaxRows = 10000)]
            public sealed class Item
            {
                [MaxLength(1000)] public string? A { get; set; }
                public string? {|SSMINV033:Unbounded|} { get; set; }
            }

            [InventoryType("Custom:Other", "1.0", MaxRows = 10000)]
            public sealed class Other
            {
                [MaxLength(1000)] public string? A { get; set; }
                public Uri? Link { get; set; }
                [InventoryConverter(typeof(Conv))] public Guid Id { get; set; }
            }
            """).EnableRule("SSMINV033").RunAsync();
    }

    [Fact]
    public async Task SSMINV031_NoMaxRows_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { [MaxLength(1000)] public string? A { get; set; } }

            [InventoryType("Custom:Zero", "1.0", MaxRows = 0)]
            public sealed class Zero { [MaxLength(1000)] public string? A { get; set; } }
            """);
    }

    // SSMINV032

    [Theory]
    [InlineData("20000")]
    [InlineData("10001")]
    [InlineData("int.MaxValue")]
    [InlineData("-1")]
    [InlineData("int.MinValue")]
    public async Task SSMINV032_MaxRowsOutsideTheRowLimit(string maxRows)
    {
        await VerifyCS.AnalyzeAsync(Usings + $$"""
            [InventoryType("Custom:Item", "1.0", MaxRows = {|SSMINV032:{{maxRows}}|})]
            public sealed class Item { public bool Flag { get; set; } }
            """);
    }

    [Fact]
    public async Task SSMINV032_AtTheLimit_ReportsNothing()
    {
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0", MaxRows = 10000)]
            public sealed class Item { public byte B { get; set; } }
            """);
    }

    // SSMINV033

    [Fact]
    public async Task SSMINV033_IsNotReportedByDefault()
    {
        // Through the test framework...
        await VerifyCS.AnalyzeAsync(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { public string? Description { get; set; } }
            """);

        // ...and through a plain compilation, as a build would run it.
        var compilation = TestCompilation.Compile(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { public string? Description { get; set; } }
            """);
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation);
        Assert.Empty(exceptions);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task SSMINV033_UnboundedString_WhenEnabled()
    {
        await VerifyCS.Create(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item
            {
                public string? {|SSMINV033:Description|} { get; set; }
                [MaxLength(100)] public string? Bounded { get; set; }
                [StringLength(100)] public string? AlsoBounded { get; set; }
                [InventoryIgnore] public string? Ignored { get; set; }
                public Uri? NotAString { get; set; }
            }

            [InventoryType("Custom:Record", "1.0")]
            public sealed record Record(string {|SSMINV033:Name|});
            """).EnableRule("SSMINV033").RunAsync();
    }

    [Fact]
    public async Task SSMINV033_TheConfiguredSeverityApplies()
    {
        var test = VerifyCS.Create(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { public string? Description { get; set; } }
            """).EnableRule("SSMINV033", "warning");
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult("SSMINV033", DiagnosticSeverity.Warning).WithSpan(6, 43, 6, 54).WithArguments("Description", "4096"));
        await test.RunAsync();
    }

    [Fact]
    public async Task SSMINV033_CanBeEnabledThroughCompilationOptions()
    {
        var compilation = TestCompilation.Compile(Usings + """
            [InventoryType("Custom:Item", "1.0")]
            public sealed class Item { public string? Description { get; set; } }
            """).WithRule("SSMINV033", ReportDiagnostic.Warn);
        var (diagnostics, exceptions) = await TestCompilation.RunAnalyzersAsync(compilation);
        Assert.Empty(exceptions);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("SSMINV033", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }
}
