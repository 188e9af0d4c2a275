using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Analyzers;

namespace SsmInventory.CodeFixes;

/// <summary>The syntax work the code fixes share: finding what a diagnostic points at and editing it without losing formatting.</summary>
internal static class CodeFixSupport
{
    /// <summary>The replacement the analyzer suggested, or null when it had none.</summary>
    public static string? GetSuggestion(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(DiagnosticIds.SuggestionProperty, out string? suggestion) ? suggestion : null;

    /// <summary>A value as a C# literal, for code action titles (control characters show escaped).</summary>
    public static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The string literal exactly at <paramref name="span"/>, or null when something else is there (a constant, a concatenation...).</summary>
    public static LiteralExpressionSyntax? FindStringLiteral(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
        && literal.Span == span
            ? literal
            : null;

    /// <summary>Registers a fix that replaces the string literal at the diagnostic with the suggestion, when both exist.</summary>
    public static async Task RegisterReplaceLiteralAsync(
        CodeFixContext context, Diagnostic diagnostic, Func<string, string> title, string equivalenceKey)
    {
        if (GetSuggestion(diagnostic) is not { } suggestion)
        {
            return;
        }

        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null
            || FindStringLiteral(root, diagnostic.Location.SourceSpan) is not { } literal
            || literal.Token.ValueText == suggestion)
        {
            return;
        }

        Document document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                title(Quote(suggestion)),
                cancellationToken => Task.FromResult(document.WithSyntaxRoot(ReplaceLiteral(root, literal, suggestion))),
                equivalenceKey),
            diagnostic);
    }

    /// <summary>Replaces a string literal with a properly escaped regular literal, keeping its trivia.</summary>
    public static SyntaxNode ReplaceLiteral(SyntaxNode root, LiteralExpressionSyntax literal, string value)
    {
        SyntaxToken token = SyntaxFactory.Literal(value).WithTriviaFrom(literal.Token);
        return root.ReplaceNode(literal, literal.WithToken(token));
    }

    /// <summary>
    /// The declaration of the property a diagnostic points at (its type or its name): a property declaration, or the
    /// parameter of a positional record. Null for anything else, such as the fallback location of a property declared
    /// in metadata.
    /// </summary>
    public static SyntaxNode? FindPropertyDeclaration(SyntaxNode root, TextSpan span, bool allowType)
    {
        SyntaxNode? node = root.FindNode(span, getInnermostNodeForTie: true);
        for (; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case PropertyDeclarationSyntax property:
                    return property.Identifier.Span == span || (allowType && property.Type.Span == span) ? property : null;
                case ParameterSyntax { Parent: ParameterListSyntax { Parent: RecordDeclarationSyntax } } parameter:
                    return parameter.Identifier.Span == span || (allowType && parameter.Type?.Span == span) ? parameter : null;
                case ParameterSyntax:
                case MemberDeclarationSyntax:
                case StatementSyntax:
                case AttributeListSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Adds <c>[SsmInventory.{name}(arguments)]</c> to a property declaration (on its own line when the declaration
    /// starts a line) or to a positional record parameter (as <c>[property: ...]</c>, inline), and simplifies the name
    /// as far as the file's usings allow: <c>[InventoryIgnore]</c> where <c>SsmInventory</c> is imported (by a using
    /// or a global using), <c>[SsmInventory.InventoryIgnore]</c> where it is not.
    /// </summary>
    /// <remarks>
    /// No <c>using</c> is added: each fix of a Fix All would insert the same directive at the same place, and the
    /// batch fixer merges at most two identical insertions, so a third fix would be dropped.
    /// The new list has concrete whitespace (<see cref="SyntaxNode.NormalizeWhitespace"/>), so that the formatting the
    /// code action applies to elastic trivia leaves the surrounding layout alone.
    /// </remarks>
    public static async Task<Document> AddAttributeAsync(
        Document document, SyntaxNode declaration, string name, AttributeArgumentListSyntax? arguments, CancellationToken cancellationToken)
    {
        SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // global::SsmInventory.Name, so that a user namespace called SsmInventory cannot capture it; simplified below.
        NameSyntax attributeName = SyntaxFactory.QualifiedName(
                SyntaxFactory.AliasQualifiedName(
                    SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)),
                    SyntaxFactory.IdentifierName("SsmInventory")),
                SyntaxFactory.IdentifierName(name))
            .WithAdditionalAnnotations(Simplifier.Annotation);
        AttributeSyntax attribute = SyntaxFactory.Attribute(attributeName, arguments);

        SyntaxNode updated = declaration switch
        {
            PropertyDeclarationSyntax property => AddToProperty(property, attribute),
            ParameterSyntax parameter => AddToRecordParameter(parameter, attribute),
            _ => declaration,
        };

        document = document.WithSyntaxRoot(root.ReplaceNode(declaration, updated));
        return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static PropertyDeclarationSyntax AddToProperty(PropertyDeclarationSyntax property, AttributeSyntax attribute)
    {
        SyntaxToken anchor = property.Modifiers.Count > 0 ? property.Modifiers[0] : property.Type.GetFirstToken();
        AttributeListSyntax list = SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)).NormalizeWhitespace();

        SyntaxTriviaList leading = anchor.LeadingTrivia;
        SyntaxTrivia? endOfLine = LineBreakBefore(anchor);
        if (endOfLine is { } eol)
        {
            // The declaration starts a line: the new list takes the line's trivia (comments, indentation) and the
            // declaration moves to the next line with the same indentation.
            SyntaxTriviaList indentation = leading.Count > 0 && leading.Last().IsKind(SyntaxKind.WhitespaceTrivia)
                ? SyntaxFactory.TriviaList(leading.Last())
                : SyntaxFactory.TriviaList();
            list = list.WithLeadingTrivia(leading).WithTrailingTrivia(eol);
            return property
                .ReplaceToken(anchor, anchor.WithLeadingTrivia(indentation))
                .WithAttributeLists(property.AttributeLists.Add(list));
        }

        list = list.WithLeadingTrivia(leading).WithTrailingTrivia(SyntaxFactory.Space);
        return property
            .ReplaceToken(anchor, anchor.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithAttributeLists(property.AttributeLists.Add(list));
    }

    private static ParameterSyntax AddToRecordParameter(ParameterSyntax parameter, AttributeSyntax attribute)
    {
        // A positional record parameter: the attribute must target the generated property.
        AttributeListSyntax list = SyntaxFactory.AttributeList(
                SyntaxFactory.AttributeTargetSpecifier(SyntaxFactory.Token(SyntaxKind.PropertyKeyword)),
                SyntaxFactory.SingletonSeparatedList(attribute))
            .NormalizeWhitespace();

        SyntaxToken anchor = parameter.Modifiers.Count > 0
            ? parameter.Modifiers[0]
            : parameter.Type?.GetFirstToken() ?? parameter.Identifier;
        list = list.WithLeadingTrivia(anchor.LeadingTrivia).WithTrailingTrivia(SyntaxFactory.Space);
        return parameter
            .ReplaceToken(anchor, anchor.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithAttributeLists(parameter.AttributeLists.Add(list));
    }

    /// <summary>The line break that ends the line before <paramref name="token"/>, or null when the token does not start a line.</summary>
    private static SyntaxTrivia? LineBreakBefore(SyntaxToken token)
    {
        SyntaxToken previous = token.GetPreviousToken();
        if (previous.RawKind == 0)
        {
            return FirstLineBreak(token) ?? SyntaxFactory.LineFeed;
        }

        foreach (SyntaxTrivia trivia in previous.TrailingTrivia.Concat(token.LeadingTrivia))
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return token.LeadingTrivia.Any(t => t.HasStructure || t.IsDirective) ? FirstLineBreak(token) ?? SyntaxFactory.LineFeed : null;
    }

    private static SyntaxTrivia? FirstLineBreak(SyntaxToken token)
    {
        SyntaxNode? root = token.SyntaxTree?.GetRoot();
        if (root is null)
        {
            return null;
        }

        foreach (SyntaxTrivia trivia in root.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return null;
    }
}
