using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>
/// SSMINV023: leaves a property whose type has no conversion out of the inventory with <c>[InventoryIgnore]</c>
/// (<c>[property: InventoryIgnore]</c> on a positional record parameter); the name is qualified,
/// <c>[SsmInventory.InventoryIgnore]</c>, in a file that does not import <c>SsmInventory</c>.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IgnorePropertyCodeFixProvider))]
[Shared]
public sealed class IgnorePropertyCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "SsmInventory.IgnoreProperty";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnsupportedPropertyType);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (CodeFixSupport.FindPropertyDeclaration(root, diagnostic.Location.SourceSpan, allowType: true) is not { } declaration)
            {
                continue;
            }

            Document document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Leave the property out with [InventoryIgnore]",
                    cancellationToken => CodeFixSupport.AddAttributeAsync(document, declaration, "InventoryIgnore", arguments: null, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }
}
