using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>SSMINV001 and SSMINV002: replaces the TypeName literal with the suggested <c>Custom:</c> name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseCustomPrefixCodeFixProvider))]
[Shared]
public sealed class UseCustomPrefixCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, shared by both diagnostics so that Fix All covers them together.</summary>
    public const string EquivalenceKey = "SsmInventory.UseCustomPrefix";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticIds.TypeNameMissingCustomPrefix, DiagnosticIds.TypeNameReservedAwsPrefix);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            await CodeFixSupport.RegisterReplaceLiteralAsync(
                context, diagnostic, suggestion => $"Use the 'Custom:' prefix: {suggestion}", EquivalenceKey).ConfigureAwait(false);
        }
    }
}
