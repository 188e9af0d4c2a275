using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>SSMINV003: capitalises the first letter after <c>Custom:</c> in the TypeName literal.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapitalizeTypeNameCodeFixProvider))]
[Shared]
public sealed class CapitalizeTypeNameCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "SsmInventory.CapitalizeTypeName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNameNotCapitalized);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            await CodeFixSupport.RegisterReplaceLiteralAsync(
                context, diagnostic, suggestion => $"Capitalise the TypeName: {suggestion}", EquivalenceKey).ConfigureAwait(false);
        }
    }
}
