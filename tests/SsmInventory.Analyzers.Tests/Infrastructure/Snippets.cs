namespace SsmInventory.Analyzers.Tests;

/// <summary>Source fragments shared by the tests.</summary>
internal static class Snippets
{
    /// <summary>The usings every test source starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using SsmInventory;

        """;

    /// <summary>A type with <paramref name="typeName"/> and <paramref name="schemaVersion"/> written as C# source (markup allowed).</summary>
    public static string Type(string typeName, string schemaVersion = "\"1.0\"", string name = "Certificate") => Usings + $$"""
        [InventoryType({{typeName}}, {{schemaVersion}})]
        public sealed class {{name}}
        {
            public string? Subject { get; set; }
        }
        """;
}
