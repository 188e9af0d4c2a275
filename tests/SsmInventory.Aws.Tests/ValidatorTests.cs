using SsmInventory.BuiltIn;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

/// <summary>InventoryValidator against every limit of reference §1, with PutInventory's rules.</summary>
public sealed class ValidatorTests
{
    // Put in values that break limits; no message may ever show it.
    private const string Secret = "SECRET-VALUE";

    private static IReadOnlyList<InventoryValidationProblem> Validate(params InventoryItemData[] items) =>
        InventoryValidator.Validate(Items.Node, items, InventoryValidationRules.PutInventory);

    private static InventoryItemData Item(string typeName, params Dictionary<string, string>[] rows) =>
        InventoryItemData.Create(typeName, "1.0", [.. rows]);

    private static Dictionary<string, string> Row(string name, string value) => new() { [name] = value };

    private static InventoryValidationProblem Single(IReadOnlyList<InventoryValidationProblem> problems)
    {
        InventoryValidationProblem problem = Assert.Single(problems);
        Assert.DoesNotContain(Secret, problem.Message);
        Assert.DoesNotContain(Secret, problem.Actual);
        return problem;
    }

    [Fact]
    public void Valid_items_have_no_problems()
    {
        var batch = new InventoryBatch()
            .Add(CertificateInventory.TypeInfo, [new Certificate("CN=a", "AB12", new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc), 2048)])
            .Add(PackageInventory.TypeInfo, []);
        Assert.Empty(InventoryValidator.Validate(Items.Node, batch, InventoryValidationRules.PutInventory));
    }

    [Theory]
    [InlineData("i-12345678")]
    [InlineData("i-0123456789abcdef0")]
    [InlineData("i-ABCDEFGH")]
    [InlineData("i-1234567_")]
    [InlineData("mi-0123456789abcdef0")]
    public void Instance_ids_of_the_model_pattern_are_valid(string instanceId) =>
        Assert.Empty(InventoryValidator.Validate(instanceId, [], InventoryValidationRules.PutInventory));

    [Theory]
    [InlineData("")]
    [InlineData("i-1234567")]
    [InlineData("i-123456789")]
    [InlineData("i-0123456789abcdef01")]
    [InlineData("mi-12345678")]
    [InlineData("I-12345678")]
    [InlineData("i-1234-678")]
    [InlineData("i-12345678\n")]
    [InlineData("i-١٢٣٤٥٦٧٨")] // Arabic-Indic digits: .NET's \w matches them, the model's ASCII \w does not.
    [InlineData("i-é1234567")]
    public void Other_instance_ids_are_named_in_a_problem(string instanceId)
    {
        InventoryValidationProblem problem = Assert.Single(InventoryValidator.Validate(instanceId, [], InventoryValidationRules.PutInventory));
        Assert.Null(problem.TypeName);
        Assert.Contains("InstanceId", problem.Message);
        Assert.Contains("mi-", problem.Limit);
    }

    [Fact]
    public void A_type_name_over_100_UTF8_bytes_is_a_problem_even_when_under_100_characters()
    {
        // 8 + 50 × 2 bytes = 108 bytes in 58 characters.
        string name = "Custom:A" + new string('é', 50);
        InventoryValidationProblem problem = Single(Validate(Item(name)));
        Assert.Equal(name, problem.TypeName);
        Assert.Equal("108 bytes", problem.Actual);
        Assert.Contains("100", problem.Limit);

        Assert.Empty(Validate(Item("Custom:" + new string('A', 93))));
    }

    [Theory]
    [InlineData("AWS:Application")]
    [InlineData("custom:Thing")]
    [InlineData("Thing")]
    public void A_type_name_without_the_Custom_prefix_is_a_problem(string name) =>
        Assert.Contains("\"Custom:\"", Single(Validate(Item(name))).Limit);

    [Theory]
    [InlineData("Custom:thing")]
    [InlineData("Custom:")]
    [InlineData("Custom:1Thing")]
    public void The_name_after_Custom_must_start_with_a_capital_letter(string name) =>
        Assert.Contains("capital", Single(Validate(Item(name))).Limit);

    [Fact]
    public void A_type_name_with_a_line_break_is_a_problem() =>
        Assert.Contains("line break", Single(Validate(Item("Custom:A\nB"))).Limit);

    [Fact]
    public void More_than_10000_rows_is_a_problem()
    {
        var rows = Enumerable.Range(0, 10_001).Select(i => new Dictionary<string, string> { ["N"] = "x" }).ToArray();
        InventoryValidationProblem problem = Single(Validate(Item("Custom:Rows", rows)));
        Assert.Equal("10001 rows", problem.Actual);
        Assert.Null(problem.RowIndex);
    }

    [Fact]
    public void More_than_50_attributes_in_a_row_is_a_problem()
    {
        var row = Enumerable.Range(0, 51).ToDictionary(i => $"A{i}", _ => Secret);
        var problems = Validate(Item("Custom:Wide", row));

        // 51 attributes is also more than a custom type may have.
        Assert.Equal(2, problems.Count);
        Assert.Equal(0, problems[0].RowIndex);
        Assert.Equal("51 attributes", problems[0].Actual);
        Assert.Contains("per custom type", problems[1].Limit);
    }

    [Fact]
    public void More_than_50_distinct_attributes_across_rows_is_a_problem()
    {
        var rows = Enumerable.Range(0, 51).Select(i => new Dictionary<string, string> { [$"A{i}"] = "x" }).ToArray();
        InventoryValidationProblem problem = Single(Validate(Item("Custom:Sparse", rows)));
        Assert.Equal("51 attributes", problem.Actual);
    }

    [Fact]
    public void Attribute_names_are_1_to_64_UTF8_bytes()
    {
        string longName = new('é', 33); // 66 bytes in 33 characters
        InventoryValidationProblem problem = Single(Validate(Item("Custom:Names", Row(longName, Secret))));
        Assert.Equal(0, problem.RowIndex);
        Assert.Equal(longName, problem.AttributeName);
        Assert.Equal("66 bytes", problem.Actual);

        Assert.Equal("0 bytes", Single(Validate(Item("Custom:Names", Row("", "x")))).Actual);
        Assert.Empty(Validate(Item("Custom:Names", Row(new string('n', 64), "x"))));
    }

    [Fact]
    public void Attribute_values_are_at_most_4096_UTF8_bytes_and_never_shown()
    {
        string value = Secret + new string('é', 2045); // 12 + 4090 = 4102 bytes in 2057 characters
        InventoryValidationProblem problem = Single(Validate(Item("Custom:Values", Row("Ok", "x"), Row("Big", value))));
        Assert.Equal("Custom:Values", problem.TypeName);
        Assert.Equal(1, problem.RowIndex);
        Assert.Equal("Big", problem.AttributeName);
        Assert.Equal("4102 bytes", problem.Actual);
        Assert.Contains("4096", problem.Limit);

        Assert.Empty(Validate(Item("Custom:Values", Row("Max", new string('v', 4096)))));
    }

    [Fact]
    public void Attribute_names_that_differ_only_in_case_are_a_problem()
    {
        InventoryValidationProblem problem = Single(Validate(Item("Custom:Case", Row("Name", "a"), Row("NAME", "b"))));
        Assert.Equal(1, problem.RowIndex);
        Assert.Equal("NAME", problem.AttributeName);
        Assert.Contains("\"Name\"", problem.Actual);
    }

    [Fact]
    public void An_item_of_200_KB_or_more_as_JSON_is_a_problem()
    {
        InventoryItemData big = Items.Make("Custom:Big", rows: 60, valueLength: 4000);
        long size = InventoryJsonSize.Measure(big);
        Assert.True(size >= 200 * 1024, $"the test item should be over 200 KB, is {size}");
        InventoryValidationProblem problem = Single(Validate(big));
        Assert.Equal($"{size} bytes", problem.Actual);
        Assert.Contains("204800", problem.Limit);

        Assert.Empty(Validate(Items.Make("Custom:Small", rows: 45, valueLength: 4000)));
    }

    [Fact]
    public void Two_items_of_one_type_are_a_problem()
    {
        InventoryValidationProblem problem = Single(Validate(Items.Make("Custom:Twice"), Items.Make("Custom:Twice", seed: "other")));
        Assert.Equal("Custom:Twice", problem.TypeName);
    }

    [Fact]
    public void More_than_20_types_can_never_all_be_accepted()
    {
        var items = Enumerable.Range(0, 21).Select(i => Items.Make($"Custom:T{i}")).ToArray();
        Assert.Equal("21 items", Single(Validate(items)).Actual);
    }

    private static InventoryItemData Compliance(Dictionary<string, string> context) =>
        InventoryItemData.Create(AwsComplianceItemInventory.TypeInfo, [new AwsComplianceItem { Id = "c1", Status = "COMPLIANT" }]).WithContext(context);

    private static Dictionary<string, string> Execution() => new() { ["ExecutionId"] = "run-1", ["ExecutionType"] = "Command", ["ExecutionTime"] = "2026-11-27T10:00:00Z" };

    [Fact]
    public void A_Context_on_AWS_ComplianceItem_is_valid_and_does_not_count_as_a_custom_type()
    {
        Assert.Empty(Validate(Compliance(Execution())));

        // 20 custom types and the built-in type: the account's 20 custom types are not exceeded.
        var items = Enumerable.Range(0, 20).Select(i => Items.Make($"Custom:T{i}")).Append(Compliance(Execution())).ToArray();
        Assert.Empty(Validate(items));
    }

    [Fact]
    public void A_Context_on_a_custom_type_is_a_problem_saying_why_and_what_to_do()
    {
        InventoryValidationProblem problem = Single(Validate(Items.Make("Custom:Rack").WithContext(new Dictionary<string, string> { ["ExecutionId"] = Secret })));

        Assert.Equal("Custom:Rack", problem.TypeName);
        Assert.Equal("a Context", problem.Actual);
        Assert.Contains("has a Context", problem.Message);
        Assert.Contains("never for custom types", problem.Message);
        Assert.Contains("UnsupportedInventoryItemContextException", problem.Message);
        Assert.Contains("AWS:ComplianceItem", problem.Message);
        Assert.Contains("Put what it says into the rows' attributes, or leave it out", problem.Message);
    }

    [Fact]
    public void Other_built_in_types_stay_refused_with_or_without_a_Context()
    {
        InventoryItemData application = InventoryItemData.Create("AWS:Application", "1.1", [Row("Name", "x")]);
        Assert.Contains("\"Custom:\"", Single(Validate(application)).Limit);

        IReadOnlyList<InventoryValidationProblem> problems = Validate(application.WithContext(Execution()));
        Assert.Equal(2, problems.Count);
        Assert.Contains("UnsupportedInventoryItemContextException", problems[1].Message);
    }

    [Fact]
    public void AWS_ComplianceItem_is_taken_only_at_its_schema_version()
    {
        InventoryItemData item = InventoryItemData.Create("AWS:ComplianceItem", "2.0", [Row("Id", "c1")]);
        InventoryValidationProblem problem = Single(Validate(item));
        Assert.Contains("SchemaVersion 1.0", problem.Limit);
        Assert.Contains("UnsupportedInventorySchemaVersionException", problem.Message);
        Assert.Contains("AwsComplianceItemInventory.TypeInfo", problem.Message);
    }

    [Fact]
    public void More_than_50_Context_entries_is_a_problem()
    {
        Dictionary<string, string> context = Enumerable.Range(0, 51).ToDictionary(i => $"Key{i}", _ => Secret);
        InventoryValidationProblem problem = Single(Validate(Compliance(context)));
        Assert.Equal("51 entries", problem.Actual);
        Assert.Contains("at most 50 Context entries", problem.Limit);

        context.Remove("Key50");
        Assert.Empty(Validate(Compliance(context)));
    }

    [Fact]
    public void Context_keys_are_1_to_64_UTF8_bytes()
    {
        string longKey = new('é', 33); // 66 bytes in 33 characters
        InventoryValidationProblem problem = Single(Validate(Compliance(new Dictionary<string, string> { [longKey] = Secret })));
        Assert.Null(problem.RowIndex);
        Assert.Equal(longKey, problem.AttributeName);
        Assert.Equal("66 bytes", problem.Actual);
        Assert.Equal("Context key 1-64 UTF-8 bytes", problem.Limit);
        Assert.Contains("AWS:ComplianceItem Context key", problem.Message);

        Assert.Equal("0 bytes", Single(Validate(Compliance(new Dictionary<string, string> { [""] = "x" }))).Actual);
        Assert.Empty(Validate(Compliance(new Dictionary<string, string> { [new string('k', 64)] = "x" })));
    }

    [Fact]
    public void Context_values_are_at_most_4096_UTF8_bytes_and_never_shown()
    {
        string value = Secret + new string('é', 2045); // 12 + 4090 = 4102 bytes
        InventoryValidationProblem problem = Single(Validate(Compliance(new Dictionary<string, string> { ["ExecutionId"] = value })));
        Assert.Equal("ExecutionId", problem.AttributeName);
        Assert.Equal("4102 bytes", problem.Actual);
        Assert.Equal("Context value at most 4096 UTF-8 bytes", problem.Limit);

        Assert.Empty(Validate(Compliance(new Dictionary<string, string> { ["ExecutionId"] = new string('v', 4096) })));
    }

    [Fact]
    public void The_Context_counts_towards_the_item_size()
    {
        // Rows just under 200 KB pass alone; a Context of 3 × 4 KB values takes the item over.
        InventoryItemData rows = InventoryItemData.Create(
            AwsComplianceItemInventory.TypeInfo,
            Enumerable.Range(0, 49).Select(i => new AwsComplianceItem { Id = $"c{i}", Title = new string('t', 4060) }));
        Assert.Empty(Validate(rows));
        Dictionary<string, string> context = Enumerable.Range(0, 3).ToDictionary(i => $"Key{i}", _ => new string('v', 4096));

        InventoryValidationProblem problem = Single(Validate(rows.WithContext(context)));
        Assert.Contains("204800", problem.Limit);
        Assert.Equal(InventoryJsonSize.Measure(rows) + ",\"Context\":".Length + 2 + 2 + (3 * ("\"Key0\":".Length + 4098)), InventoryJsonSize.Measure(rows.WithContext(context)));
    }

    [Fact]
    public void Every_problem_is_collected_into_one_exception()
    {
        InventoryItemData good = Items.Make("Custom:Good");
        InventoryItemData bad = Item("custom:bad", Row(new string('n', 65), new string('v', 4097) + Secret));
        var exception = Assert.Throws<InventoryValidationException>(
            () => InventoryValidator.ThrowIfInvalid("i-bad", [good, bad], InventoryValidationRules.PutInventory));

        // The InstanceId, the prefix, the name and the value.
        Assert.Equal(4, exception.Problems.Count);
        Assert.DoesNotContain(Secret, exception.Message);
        foreach (InventoryValidationProblem problem in exception.Problems)
        {
            Assert.Contains(problem.Message, exception.Message);
        }
    }
}
