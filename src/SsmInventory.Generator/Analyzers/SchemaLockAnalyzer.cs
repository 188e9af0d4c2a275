using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Analyzers.SchemaLock;
using SsmInventory.Generator.Parsing;
using static SsmInventory.Generator.Analyzers.AnalyzerSupport;

namespace SsmInventory.Generator.Analyzers;

/// <summary>
/// Compares each inventory type with its lock file in <c>schemas/</c> (read as AdditionalFiles): a changed attribute
/// set under an unchanged SchemaVersion breaks readers of the data (Resource Data Sync, Athena, dashboards), so it is
/// an error; a missing or outdated lock is informational. The diagnostics carry what the code fixes write.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SchemaLockAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic properties read by the code fixes.</summary>
    internal const string LockPathProperty = "LockPath";
    internal const string LockTextProperty = "LockText";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [Descriptors.SchemaChangedWithoutVersionBump, Descriptors.MissingSchemaLock, Descriptors.OutdatedSchemaLock, Descriptors.InvalidSchemaLock];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (InventorySymbols.Resolve(start.Compilation) is not { } symbols)
            {
                return;
            }

            Dictionary<string, (SchemaLockFile Lock, string Path)> locks = ReadLocks(start.Options.AdditionalFiles, start.CancellationToken, out List<Diagnostic> invalid);
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProjectDir", out string? projectDir);
            if (invalid.Count > 0)
            {
                start.RegisterCompilationEndAction(end => invalid.ForEach(end.ReportDiagnostic));
            }

            start.RegisterSymbolAction(
                symbolContext =>
                {
                    if (symbols.Analyze((INamedTypeSymbol)symbolContext.Symbol) is { } analysis)
                    {
                        Analyze(symbolContext, analysis, locks, projectDir);
                    }
                },
                SymbolKind.NamedType);
        });
    }

    private static Dictionary<string, (SchemaLockFile Lock, string Path)> ReadLocks(
        ImmutableArray<AdditionalText> files, CancellationToken cancellationToken, out List<Diagnostic> invalid)
    {
        var locks = new Dictionary<string, (SchemaLockFile, string)>(StringComparer.Ordinal);
        invalid = [];
        foreach (AdditionalText file in files.Where(f => SchemaLockFile.IsLockPath(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (file.GetText(cancellationToken) is not { } text)
            {
                continue;
            }

            Location location = Location.Create(file.Path, default, new LinePositionSpan(default, default));
            SchemaLockFile? parsed = SchemaLockFile.Parse(text.ToString(), out string? error);
            if (parsed is null)
            {
                invalid.Add(Diagnostic.Create(Descriptors.InvalidSchemaLock, location, file.Path, error));
            }
            else if (locks.TryGetValue(parsed.TypeName, out (SchemaLockFile, string Path) first))
            {
                invalid.Add(Diagnostic.Create(Descriptors.InvalidSchemaLock, location, file.Path, $"{first.Path} already locks {parsed.TypeName}"));
            }
            else
            {
                locks.Add(parsed.TypeName, (parsed, file.Path));
            }
        }

        return locks;
    }

    private static void Analyze(
        SymbolAnalysisContext context,
        InventoryTypeAnalysis analysis,
        Dictionary<string, (SchemaLockFile Lock, string Path)> locks,
        string? projectDir)
    {
        // Only a type the generator can emit has a schema to lock; the other analyzers report the rest.
        if (analysis.TypeName is not { } typeName
            || analysis.SchemaVersion is not { } version
            || !InventoryRules.IsValidSchemaVersion(version)
            || analysis.ShapeProblem != TypeShapeProblem.None
            || analysis.Serialized.Any(p => p.Kind is null))
        {
            return;
        }

        LockedAttribute[] attributes = analysis.Serialized.Select(p => new LockedAttribute(p.AttributeName, p.IsNumber ? "number" : "string")).ToArray();
        string lockText = SchemaLockFile.Write(typeName, version, attributes);
        Location typeNameLocation = ArgumentLocation(analysis.Attribute, 0, "typeName", SymbolLocation(analysis.Type, analysis));

        if (!locks.TryGetValue(typeName, out (SchemaLockFile Lock, string Path) locked))
        {
            string path = Path.Combine(Path.Combine(projectDir ?? string.Empty, "schemas"), SchemaLockFile.FileNameFor(typeName));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.MissingSchemaLock, typeNameLocation, Properties(path, lockText), InventoryTypeAttributeAnalyzer.Printable(typeName), path));
            return;
        }

        if (locked.Lock.Version != version)
        {
            // A new version may change the attributes freely; the lock just has to record it.
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.OutdatedSchemaLock,
                ArgumentLocation(analysis.Attribute, 1, "schemaVersion", typeNameLocation),
                Properties(locked.Path, lockText),
                locked.Path,
                InventoryTypeAttributeAnalyzer.Printable(locked.Lock.Version),
                InventoryTypeAttributeAnalyzer.Printable(version)));
            return;
        }

        string? difference = Describe(locked.Lock.Attributes, attributes);
        if (difference is not null)
        {
            ImmutableDictionary<string, string?> properties = Properties(locked.Path, lockText);
            if (BumpMinor(version) is { } bumped)
            {
                properties = properties.Add(DiagnosticIds.SuggestionProperty, bumped);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.SchemaChangedWithoutVersionBump,
                ArgumentLocation(analysis.Attribute, 1, "schemaVersion", typeNameLocation),
                properties,
                InventoryTypeAttributeAnalyzer.Printable(typeName),
                locked.Path,
                difference,
                version));
        }
    }

    private static ImmutableDictionary<string, string?> Properties(string path, string lockText) =>
        ImmutableDictionary<string, string?>.Empty.Add(LockPathProperty, path).Add(LockTextProperty, lockText);

    /// <summary>What changed between the locked and the current attributes, or null when they are the same set.</summary>
    private static string? Describe(IReadOnlyList<LockedAttribute> locked, IReadOnlyList<LockedAttribute> current)
    {
        var before = locked.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().DataType, StringComparer.Ordinal);
        var after = current.ToDictionary(a => a.Name, a => a.DataType, StringComparer.Ordinal);
        var parts = new List<string>();
        AddPart(parts, "added", after.Keys.Where(name => !before.ContainsKey(name)));
        AddPart(parts, "removed", before.Keys.Where(name => !after.ContainsKey(name)));
        AddPart(parts, "DataType changed", after.Where(a => before.TryGetValue(a.Key, out string? type) && type != a.Value).Select(a => $"{a.Key} ({before[a.Key]} → {a.Value})"));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static void AddPart(List<string> parts, string label, IEnumerable<string> names)
    {
        var list = names.Select(InventoryTypeAttributeAnalyzer.Printable).ToList();
        if (list.Count > 0)
        {
            parts.Add(label + ": " + string.Join(", ", list));
        }
    }

    /// <summary>The next minor version (<c>1.9</c> → <c>1.10</c>), or the next major one when the minor part is full.</summary>
    internal static string? BumpMinor(string version)
    {
        int dot = version.IndexOf('.');
        if (!long.TryParse(version.Substring(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out long major)
            || !long.TryParse(version.Substring(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long minor))
        {
            return null;
        }

        string candidate = minor < 999_999
            ? major.ToString(CultureInfo.InvariantCulture) + "." + (minor + 1).ToString(CultureInfo.InvariantCulture)
            : (major + 1).ToString(CultureInfo.InvariantCulture) + ".0";
        return InventoryRules.IsValidSchemaVersion(candidate) ? candidate : null;
    }
}
