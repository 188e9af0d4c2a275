using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>
/// The schema lock fixes: for SSMINV040, bump the SchemaVersion or update the lock; for SSMINV041, create the lock;
/// for SSMINV042, update the lock. The lock text and path come from the analyzer, which computed them from the type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SchemaLockCodeFixProvider))]
[Shared]
public sealed class SchemaLockCodeFixProvider : CodeFixProvider
{
    public const string BumpVersionKey = "SsmInventory.BumpSchemaVersion";
    public const string WriteLockKey = "SsmInventory.WriteSchemaLock";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.SchemaChangedWithoutVersionBump, DiagnosticIds.MissingSchemaLock, DiagnosticIds.OutdatedSchemaLock);

    // Each lock is its own file, so fixes never overlap.
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == DiagnosticIds.SchemaChangedWithoutVersionBump)
            {
                await CodeFixSupport.RegisterReplaceLiteralAsync(
                    context, diagnostic, suggestion => $"Bump SchemaVersion to {suggestion}", BumpVersionKey).ConfigureAwait(false);
            }

            if (!diagnostic.Properties.TryGetValue(SchemaLockAnalyzer.LockPathProperty, out string? path) || path is null
                || !diagnostic.Properties.TryGetValue(SchemaLockAnalyzer.LockTextProperty, out string? text) || text is null)
            {
                continue;
            }

            Project project = context.Document.Project;
            string title = diagnostic.Id == DiagnosticIds.MissingSchemaLock
                ? $"Create schema lock {Path.GetFileName(path)}"
                : $"Update schema lock {Path.GetFileName(path)}";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Task.FromResult(WriteLock(project, path, text)), WriteLockKey),
                diagnostic);
        }
    }

    private static Solution WriteLock(Project project, string path, string text)
    {
        SourceText content = SourceText.From(text, System.Text.Encoding.UTF8);
        TextDocument? existing = project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.Ordinal));
        if (existing is not null)
        {
            return project.Solution.WithAdditionalDocumentText(existing.Id, content);
        }

        return project.AddAdditionalDocument(Path.GetFileName(path), content, folders: ["schemas"], filePath: path).Project.Solution;
    }
}
