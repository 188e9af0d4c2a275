using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SsmInventory.CodeFixes;

/// <summary>
/// A fix that replaces the string literal a diagnostic points at with the suggestion the analyzer put in the
/// diagnostic's properties; it offers nothing when there is no suggestion or the literal already says it.
/// </summary>
public abstract class ReplaceLiteralCodeFixProvider : CodeFixProvider
{
    /// <summary>The Fix All equivalence key of every fix this provider offers.</summary>
    protected abstract string Key { get; }

    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            await CodeFixSupport.RegisterReplaceLiteralAsync(context, diagnostic, Title, Key).ConfigureAwait(false);
        }
    }

    /// <summary>The fix's title for <paramref name="quotedSuggestion"/>, the suggestion as a quoted C# string.</summary>
    protected abstract string Title(string quotedSuggestion);
}
