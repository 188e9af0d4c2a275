using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>
/// The offline test setup shared by every code fix test: net10.0 reference assemblies from Basic.Reference.Assemblies
/// plus the SsmInventory runtime library, with no package download.
/// </summary>
internal static class CodeFixHarness
{
    public static readonly ImmutableArray<MetadataReference> References =
        [.. Net100.References.All, MetadataReference.CreateFromFile(typeof(InventoryTypeAttribute).Assembly.Location)];

    /// <summary>A code fix test of <typeparamref name="TCodeFix"/> over the diagnostics of <typeparamref name="TAnalyzer"/>.</summary>
    public sealed class Test<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public Test()
        {
            // An empty set: the references below are complete, so nothing is downloaded.
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(References);

            // Compiler warnings count too (a fix must not introduce one), except the missing-documentation warning that
            // the test framework's documentation mode turns on for every public type.
            CompilerDiagnostics = CompilerDiagnostics.Warnings;
            DisabledDiagnostics.Add("CS1591");

            // Diagnostics marked up in the fixed code are expected there, even those this fix handles (one it offers
            // no fix for, such as a version with no suggestion).
            FixedState.MarkupHandling = MarkupMode.Allow;
        }
    }

    /// <summary>
    /// Verifies that <paramref name="source"/> (with diagnostic markup) becomes <paramref name="fixedSource"/>, one fix at a
    /// time and with Fix All; pass the same text for both to verify that no fix is offered.
    /// </summary>
    public static Task VerifyAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new Test<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The diagnostics <paramref name="analyzer"/> reports on <paramref name="source"/>, with the document they are in.</summary>
    public static async Task<(Document Document, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string source, DiagnosticAnalyzer analyzer)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "UserAssembly",
            "UserAssembly",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References));
        Document document = project.AddDocument("Source.cs", SourceText.From(source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([analyzer])
            .GetAnalyzerDiagnosticsAsync();
        return (document, diagnostics);
    }

    /// <summary>The code actions <paramref name="fix"/> offers for each diagnostic of its IDs in <paramref name="source"/>.</summary>
    public static async Task<ImmutableArray<CodeAction>> GetCodeActionsAsync(string source, DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        (Document document, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(source, analyzer);
        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)))
        {
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fix.RegisterCodeFixesAsync(context);
        }

        return actions.ToImmutable();
    }

    /// <summary>
    /// Applies <paramref name="fix"/> to the first diagnostic of <paramref name="id"/> until none is left (at most 10
    /// times), then asserts that the result compiles without errors or warnings and that neither analyzer reports
    /// <paramref name="id"/> any more. Returns the fixed text.
    /// </summary>
    public static async Task<string> ApplyAllAndCompileAsync(string source, string id, DiagnosticAnalyzer analyzer, CodeFixProvider fix)
    {
        string text = source;
        for (int i = 0; i < 10; i++)
        {
            (Document document, ImmutableArray<Diagnostic> diagnostics) = await AnalyzeAsync(text, analyzer);
            Diagnostic? diagnostic = diagnostics.FirstOrDefault(d => d.Id == id);
            if (diagnostic is null)
            {
                break;
            }

            CodeAction? action = null;
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => action ??= a, CancellationToken.None));
            Assert.NotNull(action);
            ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
            Solution changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            text = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        }

        (Document fixedDocument, _) = await AnalyzeAsync(text, analyzer);
        Compilation compilation = (await fixedDocument.Project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        ImmutableArray<Diagnostic> remaining = await compilation
            .WithAnalyzers([new InventoryTypeAttributeAnalyzer(), new InventoryPropertyAnalyzer()])
            .GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(remaining, d => d.Id == id);
        return text;
    }
}
