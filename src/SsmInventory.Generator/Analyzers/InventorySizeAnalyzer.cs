using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using SsmInventory.Generator.Parsing;
using static SsmInventory.Generator.Analyzers.AnalyzerSupport;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Proves sizes at build time where they are bounded: each value against the 4096-byte attribute value limit, and,
/// for a type that declares <c>MaxRows</c>, the whole item against the 200 KB and 10,000-row limits.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InventorySizeAnalyzer : DiagnosticAnalyzer
{
    // {"TypeName":"","SchemaVersion":"","CaptureTime":"","ContentHash":"","Content":[]} with the longest version,
    // capture time and hash the service accepts; the TypeName is added separately.
    private static readonly int s_itemOverhead = Encoding.UTF8.GetByteCount(
        "{\"TypeName\":\"\",\"SchemaVersion\":\"123456.123456\",\"CaptureTime\":\"2026-11-27T13:45:07Z\",\"ContentHash\":\"\",\"Content\":[]}")
        + InventoryLimits.MaxContentHashLength;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.ValueCanExceedLimit, Descriptors.ItemCanExceedSize, Descriptors.MaxRowsOverLimit, Descriptors.UnboundedString];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        ForEachInventoryType(context, Analyze);
    }

    private static void Analyze(SymbolAnalysisContext context, InventoryTypeAnalysis analysis)
    {
        long rowJsonBytes = "{}".Length;
        bool bounded = true;
        foreach (PropertyAnalysis property in analysis.Serialized.Where(p => p.Kind is not null))
        {
            Location location = SymbolLocation(property.Property, analysis);
            if (ValueBound.For(property) is not { } bound)
            {
                bounded = false;
                if (property.Kind == Model.ValueKind.String)
                {
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.UnboundedString, location, property.Property.Name, InventoryLimits.MaxAttributeValueBytes));
                }

                continue;
            }

            if (bound.Utf8Bytes > InventoryLimits.MaxAttributeValueBytes)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.ValueCanExceedLimit, location, property.Property.Name, bound.Utf8Bytes, InventoryLimits.MaxAttributeValueBytes));
            }

            // "name":"value", with the name escaped as the worst case too.
            rowJsonBytes += ValueBound.Chars(property.AttributeName.Length).JsonBytes + bound.JsonBytes + "\"\":\"\",".Length;
        }

        if (analysis.Attribute.NamedArguments.FirstOrDefault(a => a.Key == "MaxRows").Value.Value is not int maxRows || maxRows == 0)
        {
            return;
        }

        Location maxRowsLocation = NamedArgumentLocation(analysis.Attribute, "MaxRows", TypeAttributeLocation(analysis));
        if (maxRows < 0 || maxRows > InventoryLimits.MaxRowsPerItem)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MaxRowsOverLimit, maxRowsLocation, maxRows, InventoryLimits.MaxRowsPerItem));
            return;
        }

        long itemBytes = s_itemOverhead + ValueBound.Chars(analysis.TypeName?.Length ?? 0).JsonBytes + ((rowJsonBytes + 1) * maxRows);
        // Project policy: stay strictly under the size limits, as the runtime validator does.
        if (bounded && itemBytes >= InventoryLimits.MaxItemBytes)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.ItemCanExceedSize, maxRowsLocation, maxRows, rowJsonBytes, itemBytes, InventoryLimits.MaxItemBytes));
        }
    }
}
