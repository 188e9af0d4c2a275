using SsmInventory.Metadata;

namespace SsmInventory.Publishing;

/// <summary>
/// Checks items against every limit of a set of <see cref="InventoryValidationRules"/> before anything is submitted, and
/// collects every problem rather than stopping at the first. Lengths are counted in UTF-8 bytes. A problem names the
/// type, row, attribute, limit and the actual size or count; it never contains an attribute value.
/// </summary>
public static class InventoryValidator
{
    // Attribute names are shown in messages up to this many characters.
    private const int MaxDisplayedNameLength = 80;

    private static string Quote(string? text) => MessageText.Quote(text, MaxDisplayedNameLength);

    /// <summary>Finds every problem with submitting <paramref name="items"/> for the node <paramref name="instanceId"/>.</summary>
    /// <param name="instanceId">The managed node, such as <c>i-0123456789abcdef0</c> or <c>mi-0123456789abcdef0</c>.</param>
    /// <param name="items">The items; at most one per TypeName.</param>
    /// <param name="rules">The limits, such as <see cref="InventoryValidationRules.PutInventory"/>.</param>
    /// <returns>The problems, in the order of the items; empty when everything may be submitted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="rules"/> is null.</exception>
    public static IReadOnlyList<InventoryValidationProblem> Validate(string instanceId, IReadOnlyList<InventoryItemData> items, InventoryValidationRules rules)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (rules is null)
        {
            throw new ArgumentNullException(nameof(rules));
        }

        var problems = new List<InventoryValidationProblem>();
        if (!InventoryRules.IsValidInstanceId(instanceId))
        {
            string shown = instanceId is null ? "null" : Quote(instanceId);
            problems.Add(new InventoryValidationProblem(
                typeName: null,
                rowIndex: null,
                attributeName: null,
                limit: $"InstanceId is {InventoryLimits.Ec2InstanceIdPrefix} followed by {InventoryLimits.ShortInstanceIdSuffixLength} or {InventoryLimits.LongInstanceIdSuffixLength} characters of A-Z, a-z, 0-9 and _, or {InventoryLimits.ManagedInstanceIdPrefix} followed by {InventoryLimits.LongInstanceIdSuffixLength}",
                actual: shown,
                message: $"InstanceId {shown} is not a managed node id: {rules.Target} takes {InventoryLimits.Ec2InstanceIdPrefix} followed by {InventoryLimits.ShortInstanceIdSuffixLength} or {InventoryLimits.LongInstanceIdSuffixLength} ASCII letters, digits or underscores (an EC2 instance), or {InventoryLimits.ManagedInstanceIdPrefix} followed by {InventoryLimits.LongInstanceIdSuffixLength} (a hybrid node). Pass the node's own id, or leave it unset so that it is detected."));
        }

        // The built-in types that take a Context are not custom types, so they do not count against the custom types.
        int counted = items.Count(item => item is null || rules.ContextTypeNamed(item.TypeName) is null);
        if (counted > rules.MaxItems)
        {
            problems.Add(new InventoryValidationProblem(
                typeName: null,
                rowIndex: null,
                attributeName: null,
                limit: $"at most {rules.MaxItems} items",
                actual: $"{counted} items",
                message: $"There are {counted} items of custom types; {rules.Target} takes at most {rules.MaxItems} because {rules.MaxItemsReason}. Publish fewer types."));
        }

        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            InventoryItemData item = items[i];
            if (item is null)
            {
                problems.Add(new InventoryValidationProblem(null, null, null, "items are not null", "null", $"Item {i} is null. Remove it from the list."));
                continue;
            }

            if (!typeNames.Add(item.TypeName))
            {
                problems.Add(new InventoryValidationProblem(
                    item.TypeName,
                    rowIndex: null,
                    attributeName: null,
                    limit: "one item per TypeName",
                    actual: "more than one item",
                    message: $"{item.TypeName}: there is more than one item of this type. {rules.Target} replaces a type's whole Content with each item, so put all the rows in one item."));
            }

            ValidateItem(item, rules, problems);
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds any problem.</summary>
    /// <exception cref="InventoryValidationException">At least one problem; it lists them all.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> or <paramref name="rules"/> is null.</exception>
    public static void ThrowIfInvalid(string instanceId, IReadOnlyList<InventoryItemData> items, InventoryValidationRules rules)
    {
        IReadOnlyList<InventoryValidationProblem> problems = Validate(instanceId, items, rules);
        if (problems.Count > 0)
        {
            throw new InventoryValidationException(problems);
        }
    }

    private static void ValidateItem(InventoryItemData item, InventoryValidationRules rules, List<InventoryValidationProblem> problems)
    {
        string type = item.TypeName;
        InventoryTypeInfo? contextType = rules.ContextTypeNamed(type);
        if (contextType is null)
        {
            ValidateTypeName(type, problems);
        }
        else if (!string.Equals(item.SchemaVersion, contextType.SchemaVersion, StringComparison.Ordinal))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"{type} is taken at SchemaVersion {contextType.SchemaVersion}",
                actual: Quote(item.SchemaVersion),
                message: $"{type}: SchemaVersion {Quote(item.SchemaVersion)} is not the one the service supports for this built-in type, {contextType.SchemaVersion}; it would answer UnsupportedInventorySchemaVersionException. Create the item from {contextType.Type.Name}Inventory.TypeInfo, which has it."));
        }

        if (!InventoryRules.IsValidSchemaVersion(item.SchemaVersion))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"SchemaVersion is two numbers of 1 to {InventoryLimits.MaxSchemaVersionPartDigits} digits joined by a dot",
                actual: Quote(item.SchemaVersion),
                message: $"{type}: SchemaVersion {Quote(item.SchemaVersion)} is not two numbers of 1 to {InventoryLimits.MaxSchemaVersionPartDigits} digits joined by a dot. Use a version such as \"1.0\"."));
        }

        if (!InventoryRules.IsValidCaptureTime(item.CaptureTime))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"CaptureTime is yyyy-MM-ddTHH:mm:ssZ in UTC, years {InventoryLimits.MinCaptureTimeYear}-{InventoryLimits.MaxCaptureTimeYear}",
                actual: Quote(item.CaptureTime),
                message: $"{type}: CaptureTime {Quote(item.CaptureTime)} is not yyyy-MM-ddTHH:mm:ssZ in UTC within the years {InventoryLimits.MinCaptureTimeYear}-{InventoryLimits.MaxCaptureTimeYear}. Create the item with InventoryItemData.Create, which sets it from the clock."));
        }

        int hashBytes = InventoryRules.Utf8ByteCount(item.ContentHash);
        if (hashBytes > InventoryLimits.MaxContentHashLength)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"ContentHash at most {InventoryLimits.MaxContentHashLength} bytes",
                actual: $"{hashBytes} bytes",
                message: $"{type}: ContentHash is {hashBytes} bytes; the limit is {InventoryLimits.MaxContentHashLength}. Create the item with InventoryItemData.Create, which computes it."));
        }

        ValidateContent(type, item.Rows, problems);
        ValidateContext(item, contextType is not null, rules, problems);

        long size = InventoryJsonSize.Measure(item);
        if (size >= rules.MaxItemBytes)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"under {rules.MaxItemBytes} bytes of JSON per item",
                actual: $"{size} bytes",
                message: $"{type}: the item is {size} bytes as JSON; it must stay under {rules.MaxItemBytes} ({rules.MaxItemBytesReason}). Send fewer or shorter rows, or split them into several types."));
        }
    }

    private static void ValidateTypeName(string type, List<InventoryValidationProblem> problems)
    {
        int bytes = InventoryRules.Utf8ByteCount(type);
        if (bytes < InventoryLimits.MinTypeNameLength || bytes > InventoryLimits.MaxTypeNameLength)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"TypeName {InventoryLimits.MinTypeNameLength}-{InventoryLimits.MaxTypeNameLength} UTF-8 bytes",
                actual: $"{bytes} bytes",
                message: $"TypeName {Quote(type)} is {bytes} UTF-8 bytes; it must be {InventoryLimits.MinTypeNameLength} to {InventoryLimits.MaxTypeNameLength}. Choose a shorter name."));
        }

        if (!type.StartsWith(InventoryLimits.CustomTypeNamePrefix, StringComparison.Ordinal))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"TypeName starts with \"{InventoryLimits.CustomTypeNamePrefix}\" (case-sensitive)",
                actual: Quote(type),
                message: $"TypeName {Quote(type)} does not start with \"{InventoryLimits.CustomTypeNamePrefix}\". Your own inventory must use custom types such as \"{InventoryLimits.CustomTypeNamePrefix}Certificate\"; \"{InventoryLimits.AwsTypeNamePrefix}\" types are the ones the SSM Agent collects."));
        }
        else if (!InventoryRules.IsCapitalizedTypeName(type))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"the name after \"{InventoryLimits.CustomTypeNamePrefix}\" starts with a capital letter A-Z",
                actual: Quote(type),
                message: $"TypeName {Quote(type)}: the name after \"{InventoryLimits.CustomTypeNamePrefix}\" must start with a capital letter A-Z, as the Systems Manager user guide requires. Capitalise it."));
        }

        if (HasLineBreakOrControl(type))
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: "TypeName has no control characters or line breaks",
                actual: Quote(type),
                message: $"TypeName {Quote(type)} contains a control character or line break, which the model's pattern ^(AWS|Custom):.*$ does not match. Remove it."));
        }
    }

    /// <summary>Checks rows, names and values.</summary>
    private static void ValidateContent(string type, List<Dictionary<string, string>> content, List<InventoryValidationProblem> problems)
    {
        if (content.Count > InventoryLimits.MaxRowsPerItem)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"at most {InventoryLimits.MaxRowsPerItem} rows per item",
                actual: $"{content.Count} rows",
                message: $"{type}: Content has {content.Count} rows; the limit is {InventoryLimits.MaxRowsPerItem}. Send fewer rows, or split them into several types."));
        }

        // The first spelling of each attribute name, compared ignoring case: the service treats names that differ only
        // in case as the same attribute and rejects a type that spells one two ways.
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reportedSpellings = new HashSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < content.Count; r++)
        {
            Dictionary<string, string> row = content[r];
            if (row.Count > InventoryLimits.MaxAttributesPerRow)
            {
                problems.Add(new InventoryValidationProblem(
                    type, r, null,
                    limit: $"at most {InventoryLimits.MaxAttributesPerRow} attributes per row",
                    actual: $"{row.Count} attributes",
                    message: $"{type} row {r} has {row.Count} attributes; the limit is {InventoryLimits.MaxAttributesPerRow}. Leave some out or move them to another type."));
            }

            foreach (KeyValuePair<string, string> attribute in row)
            {
                string name = attribute.Key;
                ValidateName(type, r, name, problems);
                ValidateValue(type, r, name, attribute.Value, problems);
                if (!spellings.TryGetValue(name, out string? first))
                {
                    spellings.Add(name, name);
                }
                else if (!string.Equals(first, name, StringComparison.Ordinal) && reportedSpellings.Add(name))
                {
                    problems.Add(new InventoryValidationProblem(
                        type, r, name,
                        limit: "an attribute name is spelled the same way, including case, in every row",
                        actual: $"also spelled {Quote(first)}",
                        message: $"{At(type, r, name)}: the name differs only in case from {Quote(first)} used earlier in this type. SSM attribute names ignore case but must be spelled the same way everywhere; use one spelling."));
                }
            }
        }

        if (spellings.Count > InventoryLimits.MaxAttributesPerType)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"at most {InventoryLimits.MaxAttributesPerType} distinct attributes per custom type",
                actual: $"{spellings.Count} attributes",
                message: $"{type}: the rows use {spellings.Count} distinct attribute names; a custom type may have at most {InventoryLimits.MaxAttributesPerType}. Move some attributes to another type."));
        }
    }

    /// <summary>An attribute name of a row, or a Context key (<paramref name="rowIndex"/> null): 1-64 UTF-8 bytes.</summary>
    private static void ValidateName(string type, int? rowIndex, string name, List<InventoryValidationProblem> problems)
    {
        int nameBytes = InventoryRules.Utf8ByteCount(name);
        if (nameBytes < InventoryLimits.MinAttributeNameBytes || nameBytes > InventoryLimits.MaxAttributeNameBytes)
        {
            problems.Add(new InventoryValidationProblem(
                type, rowIndex, name,
                limit: $"{(rowIndex is null ? "Context key" : "attribute name")} {InventoryLimits.MinAttributeNameBytes}-{InventoryLimits.MaxAttributeNameBytes} UTF-8 bytes",
                actual: $"{nameBytes} bytes",
                message: $"{At(type, rowIndex, name)}: the name is {nameBytes} UTF-8 bytes; it must be {InventoryLimits.MinAttributeNameBytes} to {InventoryLimits.MaxAttributeNameBytes}. Rename it."));
        }
    }

    /// <summary>An attribute value of a row, or a Context value (<paramref name="rowIndex"/> null): at most 4096 UTF-8 bytes.</summary>
    private static void ValidateValue(string type, int? rowIndex, string name, string value, List<InventoryValidationProblem> problems)
    {
        int valueBytes = InventoryRules.Utf8ByteCount(value);
        if (valueBytes > InventoryLimits.MaxAttributeValueBytes)
        {
            problems.Add(new InventoryValidationProblem(
                type, rowIndex, name,
                limit: $"{(rowIndex is null ? "Context value" : "attribute value")} at most {InventoryLimits.MaxAttributeValueBytes} UTF-8 bytes",
                actual: $"{valueBytes} bytes",
                message: $"{At(type, rowIndex, name)}: the value is {valueBytes} UTF-8 bytes; the limit is {InventoryLimits.MaxAttributeValueBytes}. Shorten it or split it over several {(rowIndex is null ? "keys" : "attributes")}."));
        }
    }

    /// <summary>
    /// A Context only on the built-in types that take one, held to the model's limits: at most 50 entries, keys of 1-64
    /// and values of at most 4096 UTF-8 bytes.
    /// </summary>
    private static void ValidateContext(InventoryItemData item, bool takesContext, InventoryValidationRules rules, List<InventoryValidationProblem> problems)
    {
        string type = item.TypeName;
        IReadOnlyDictionary<string, string> context = item.Context;
        if (context.Count == 0)
        {
            return;
        }

        if (!takesContext)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: "a Context only on the built-in types that take one",
                actual: "a Context",
                message: $"{type}: the item has a Context, but {rules.NoContextReason}. Put what it says into the rows' attributes, or leave it out."));
            return;
        }

        if (context.Count > InventoryLimits.MaxContextEntries)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"at most {InventoryLimits.MaxContextEntries} Context entries",
                actual: $"{context.Count} entries",
                message: $"{type}: the Context has {context.Count} entries; the limit is {InventoryLimits.MaxContextEntries}. Leave some out."));
        }

        foreach (KeyValuePair<string, string> entry in context)
        {
            ValidateName(type, rowIndex: null, entry.Key, problems);
            ValidateValue(type, rowIndex: null, entry.Key, entry.Value, problems);
        }
    }

    private static string At(string type, int? row, string attributeName) =>
        row is null ? $"{type} Context key {Quote(attributeName)}" : $"{type} row {row}, attribute {Quote(attributeName)}";

    private static bool HasLineBreakOrControl(string text)
    {
        foreach (char c in text)
        {
            // The model's '.' stops at line terminators, including NEL and the Unicode line and paragraph separators.
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
