using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SsmInventory.Generator.Analyzers;
using SsmInventory.Generator.Analyzers.SchemaLock;

namespace SsmInventory.CodeFixes.Tests;

/// <summary>SSMINV040-043: the schema lock in schemas/, its diagnostics and its code fixes.</summary>
public sealed class SchemaLockTests
{
    private const string LockPath = "/project/schemas/Custom_Certificate.json";

    private static string Source(string version = "1.0", string extra = "") => $$"""
        using System;
        using SsmInventory;

        [InventoryType("Custom:Certificate", "{{version}}")]
        public sealed class Certificate
        {
            public string Subject { get; set; } = "";
            public DateTime NotAfter { get; set; }
        {{extra}}
        }
        """;

    private static string Lock(string version, params (string Name, string DataType)[] attributes) =>
        SchemaLockFile.Write("Custom:Certificate", version, attributes.Select(a => new LockedAttribute(a.Name, a.DataType)));

    private static readonly (string, string)[] s_current = [("Subject", "string"), ("NotAfter", "string")];

    [Fact]
    public async Task A_matching_lock_reports_nothing()
    {
        var (_, diagnostics) = await AnalyzeAsync(Source(), (LockPath, Lock("1.0", s_current)));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task A_missing_lock_is_informational_and_the_fix_creates_it()
    {
        var (project, diagnostics) = await AnalyzeAsync(Source());
        Diagnostic missing = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.MissingSchemaLock, missing.Id);
        Assert.Equal(DiagnosticSeverity.Info, missing.Severity);
        Assert.Equal("\"Custom:Certificate\"", Text(project, missing));

        Solution fixedSolution = await ApplyAsync(project, missing, "Create schema lock Custom_Certificate.json");
        TextDocument created = Assert.Single(fixedSolution.GetProject(project.Id)!.AdditionalDocuments);
        Assert.Equal(Path.Combine("/project", "schemas", "Custom_Certificate.json"), created.FilePath);
        Assert.Equal(Lock("1.0", s_current), (await created.GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(fixedSolution.GetProject(project.Id)!));
    }

    [Fact]
    public async Task Changed_attributes_under_the_same_version_are_an_error_naming_the_change()
    {
        var (project, diagnostics) = await AnalyzeAsync(
            Source(extra: "    public int KeySize { get; set; }"),
            (LockPath, Lock("1.0", ("Subject", "string"), ("NotAfter", "number"), ("Issuer", "string"))));

        Diagnostic drift = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.SchemaChangedWithoutVersionBump, drift.Id);
        Assert.Equal(DiagnosticSeverity.Error, drift.Severity);
        Assert.Equal("\"1.0\"", Text(project, drift));
        string message = drift.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("added: KeySize", message);
        Assert.Contains("removed: Issuer", message);
        Assert.Contains("DataType changed: NotAfter (number → string)", message);
        Assert.Contains(LockPath, message);
    }

    [Fact]
    public async Task Bumping_the_version_then_updating_the_lock_clears_every_diagnostic()
    {
        var (project, diagnostics) = await AnalyzeAsync(Source(extra: "    public int KeySize { get; set; }"), (LockPath, Lock("1.0", s_current)));

        Solution bumped = await ApplyAsync(project, Assert.Single(diagnostics), "Bump SchemaVersion to \"1.1\"");
        Project bumpedProject = bumped.GetProject(project.Id)!;
        Assert.Contains("\"Custom:Certificate\", \"1.1\"", (await bumpedProject.Documents.Single().GetTextAsync()).ToString());

        Diagnostic outdated = Assert.Single(await DiagnosticsAsync(bumpedProject));
        Assert.Equal(DiagnosticIds.OutdatedSchemaLock, outdated.Id);
        Assert.Equal(DiagnosticSeverity.Info, outdated.Severity);

        Solution updated = await ApplyAsync(bumpedProject, outdated, "Update schema lock Custom_Certificate.json");
        Project updatedProject = updated.GetProject(project.Id)!;
        Assert.Equal(
            Lock("1.1", ("Subject", "string"), ("NotAfter", "string"), ("KeySize", "number")),
            (await updatedProject.AdditionalDocuments.Single().GetTextAsync()).ToString());
        Assert.Empty(await DiagnosticsAsync(updatedProject));
    }

    [Fact]
    public async Task Updating_the_lock_keeps_the_version_when_the_change_is_meant()
    {
        var (project, diagnostics) = await AnalyzeAsync(Source(extra: "    public int KeySize { get; set; }"), (LockPath, Lock("1.0", s_current)));

        Solution updated = await ApplyAsync(project, Assert.Single(diagnostics), "Update schema lock Custom_Certificate.json");

        Assert.Empty(await DiagnosticsAsync(updated.GetProject(project.Id)!));
        Assert.Contains("\"Version\": \"1.0\"", (await updated.GetProject(project.Id)!.AdditionalDocuments.Single().GetTextAsync()).ToString());
    }

    [Theory]
    [InlineData("{ \"TypeName\": \"Custom:Certificate\", \"Version\": \"1.0\" ", "line 1, column")]
    [InlineData("{ \"TypeName\": \"Custom:Certificate\", \"Version\": \"1.0\", \"Attributes\": [ { \"Name\": \"Subject\" } ] }", "DataType")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{ \"Version\": \"1.0\", \"Attributes\": [] }", "TypeName")]
    public async Task An_unreadable_lock_is_a_warning_that_says_why(string text, string expected)
    {
        var (_, diagnostics) = await AnalyzeAsync(Source(), (LockPath, text));

        Diagnostic invalid = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.InvalidSchemaLock);
        Assert.Equal(DiagnosticSeverity.Warning, invalid.Severity);
        Assert.Contains(expected, invalid.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(LockPath, invalid.Location.GetLineSpan().Path);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.MissingSchemaLock);
    }

    [Fact]
    public async Task Two_locks_for_one_type_are_reported()
    {
        var (_, diagnostics) = await AnalyzeAsync(
            Source(), (LockPath, Lock("1.0", s_current)), ("/project/schemas/Copy.json", Lock("1.0", s_current)));

        Diagnostic duplicate = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.InvalidSchemaLock, duplicate.Id);
        Assert.Contains("already locks Custom:Certificate", duplicate.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/project/schemas/inventory-schema-lock.schema.json")]
    [InlineData("/project/other/Custom_Certificate.json")]
    [InlineData("/project/schemas/Custom_Certificate.txt")]
    public async Task Files_that_are_not_locks_are_not_read(string path)
    {
        var (_, diagnostics) = await AnalyzeAsync(Source(), (path, "not json at all"));
        Assert.Equal(DiagnosticIds.MissingSchemaLock, Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Lock_files_round_trip_names_that_need_escaping()
    {
        LockedAttribute[] attributes = [new("quote\"back\\slash", "string"), new("tab\tnew\nline", "number"), new("é 😀", "string")];
        string text = SchemaLockFile.Write("Custom:Odd\"Name", "12.345", attributes);

        SchemaLockFile? parsed = SchemaLockFile.Parse(text, out string? error);

        Assert.Null(error);
        Assert.NotNull(parsed);
        Assert.Equal("Custom:Odd\"Name", parsed.TypeName);
        Assert.Equal("12.345", parsed.Version);
        Assert.Equal(attributes, parsed.Attributes);
        Assert.Equal("Custom_Odd_Name.json", SchemaLockFile.FileNameFor("Custom:Odd\"Name"));
    }

    [Fact]
    public void The_repository_lock_files_parse()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Generator.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Generator.sln not found");
        }

        string[] files = Directory.GetFiles(Path.Combine(root, "schemas", "aws"), "*.json");
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            Assert.True(SchemaLockFile.IsLockPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "schemas", Path.GetFileName(file))));
            Assert.NotNull(SchemaLockFile.Parse(File.ReadAllText(file), out string? error));
            Assert.Null(error);
        });
    }

    [Theory]
    [InlineData("1.0", "1.1")]
    [InlineData("1.9", "1.10")]
    [InlineData("3.999999", "4.0")]
    [InlineData("999999.999999", null)]
    public void Bumping_increments_the_minor_part(string version, string? expected) =>
        Assert.Equal(expected, SchemaLockAnalyzer.BumpMinor(version));

    private static async Task<(Project Project, ImmutableArray<Diagnostic> Diagnostics)> AnalyzeAsync(string source, params (string Path, string Text)[] additionalFiles)
    {
        var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "UserAssembly",
            "UserAssembly",
            LanguageNames.CSharp,
            filePath: "/project/UserAssembly.csproj",
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: CodeFixHarness.References));
        project = project.AddDocument("Certificate.cs", SourceText.From(source), filePath: "/project/Certificate.cs").Project;
        foreach ((string path, string text) in additionalFiles)
        {
            project = project.AddAdditionalDocument(Path.GetFileName(path), SourceText.From(text), filePath: path).Project;
        }

        project = project.AddAnalyzerConfigDocument(
            ".globalconfig", SourceText.From("is_global = true\nbuild_property.ProjectDir = /project/\n"), filePath: "/project/.globalconfig").Project;
        return (project, await DiagnosticsAsync(project));
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return await compilation.WithAnalyzers([new SchemaLockAnalyzer()], project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
    }

    private static string Text(Project project, Diagnostic diagnostic) =>
        project.Documents.Single().GetTextAsync().Result.ToString(diagnostic.Location.SourceSpan);

    private static async Task<Solution> ApplyAsync(Project project, Diagnostic diagnostic, string title)
    {
        var actions = new List<CodeAction>();
        var fix = new SchemaLockCodeFixProvider();
        Document document = project.Documents.Single();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        CodeAction chosen = Assert.Single(actions, a => a.Title == title);
        ImmutableArray<CodeActionOperation> operations = await chosen.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }
}
