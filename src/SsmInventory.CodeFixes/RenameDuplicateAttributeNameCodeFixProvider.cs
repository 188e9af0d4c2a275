using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SsmInventory.Generator;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>
/// SSMINV022: gives the duplicate the suggested attribute name, by replacing the <c>[InventoryName]</c> literal or, when
/// the property has no <c>[InventoryName]</c>, by adding one (<c>[property: InventoryName(...)]</c> on a positional
/// record parameter).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameDuplicateAttributeNameCodeFixProvider))]
[Shared]
public sealed class RenameDuplicateAttributeNameCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "SsmInventory.RenameDuplicateAttributeName";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DuplicateAttributeName);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        Document document = context.Document;
        SyntaxNode? root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            if (CodeFixSupport.GetSuggestion(diagnostic) is not { } suggestion)
            {
                continue;
            }

            string title = $"Rename the attribute to {CodeFixSupport.Quote(suggestion)}";
            if (CodeFixSupport.FindStringLiteral(root, diagnostic.Location.SourceSpan) is { } literal)
            {
                // The [InventoryName("...")] argument.
                if (literal.Token.ValueText != suggestion)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            title,
                            _ => Task.FromResult(document.WithSyntaxRoot(CodeFixSupport.ReplaceLiteral(root, literal, suggestion))),
                            EquivalenceKey),
                        diagnostic);
                }

                continue;
            }

            // No literal: the diagnostic is on the property's name, and the property has no [InventoryName] yet.
            if (CodeFixSupport.FindPropertyDeclaration(root, diagnostic.Location.SourceSpan, allowType: false) is not { } declaration
                || await HasInventoryNameAsync(document, declaration, context.CancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            AttributeArgumentListSyntax arguments = SyntaxFactory.AttributeArgumentList(
                SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.AttributeArgument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion)))));
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => CodeFixSupport.AddAttributeAsync(document, declaration, "InventoryName", arguments, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<bool> HasInventoryNameAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        SemanticModel? model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        ISymbol? symbol = model?.GetDeclaredSymbol(declaration, cancellationToken);
        if (symbol is IParameterSymbol parameter)
        {
            // A positional record parameter: its [property: ...] attributes are on the generated property.
            symbol = parameter.ContainingType.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault();
        }

        return symbol is null || KnownNames.HasAttribute(symbol, KnownNames.InventoryNameAttribute);
    }
}
