using System.Globalization;
using System.Text;

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

        if (items.Count > rules.MaxItems)
        {
            problems.Add(new InventoryValidationProblem(
                typeName: null,
                rowIndex: null,
                attributeName: null,
                limit: $"at most {rules.MaxItems} items",
                actual: $"{items.Count} items",
                message: $"There are {items.Count} items; {rules.Target} takes at most {rules.MaxItems} because {rules.MaxItemsReason}. Publish fewer types."));
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
        ValidateTypeName(type, problems);

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

        int hashBytes = item.ContentHash is null ? 0 : InventoryRules.Utf8ByteCount(item.ContentHash);
        if (hashBytes > InventoryLimits.MaxContentHashLength)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"ContentHash at most {InventoryLimits.MaxContentHashLength} bytes",
                actual: $"{hashBytes} bytes",
                message: $"{type}: ContentHash is {hashBytes} bytes; the limit is {InventoryLimits.MaxContentHashLength}. Create the item with InventoryItemData.Create, which computes it."));
        }

        if (item.Content is null)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null, "Content is a list of rows", "null",
                $"{type}: Content is null. An empty list clears the type's rows; null would leave the item without Content."));
            return;
        }

        if (ValidateContent(type, item.Content, problems))
        {
            ValidateHashAndSize(item, rules, problems);
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

    /// <summary>Checks rows, names and values; returns false when the content is too broken to hash or measure.</summary>
    private static bool ValidateContent(string type, List<Dictionary<string, string>> content, List<InventoryValidationProblem> problems)
    {
        if (content.Count > InventoryLimits.MaxRowsPerItem)
        {
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: $"at most {InventoryLimits.MaxRowsPerItem} rows per item",
                actual: $"{content.Count} rows",
                message: $"{type}: Content has {content.Count} rows; the limit is {InventoryLimits.MaxRowsPerItem}. Send fewer rows, or split them into several types."));
        }

        bool wellFormed = true;

        // The first spelling of each attribute name, compared ignoring case: the service treats names that differ only
        // in case as the same attribute and rejects a type that spells one two ways.
        var spellings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var reportedSpellings = new HashSet<string>(StringComparer.Ordinal);
        for (int r = 0; r < content.Count; r++)
        {
            Dictionary<string, string> row = content[r];
            if (row is null)
            {
                wellFormed = false;
                problems.Add(new InventoryValidationProblem(type, r, null, "rows are not null", "null", $"{type} row {r} is null. Remove it."));
                continue;
            }

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
                int nameBytes = InventoryRules.Utf8ByteCount(name);
                if (nameBytes < InventoryLimits.MinAttributeNameBytes || nameBytes > InventoryLimits.MaxAttributeNameBytes)
                {
                    problems.Add(new InventoryValidationProblem(
                        type, r, name,
                        limit: $"attribute name {InventoryLimits.MinAttributeNameBytes}-{InventoryLimits.MaxAttributeNameBytes} UTF-8 bytes",
                        actual: $"{nameBytes} bytes",
                        message: $"{At(type, r, name)}: the name is {nameBytes} UTF-8 bytes; it must be {InventoryLimits.MinAttributeNameBytes} to {InventoryLimits.MaxAttributeNameBytes}. Rename the attribute."));
                }

                if (attribute.Value is null)
                {
                    wellFormed = false;
                    problems.Add(new InventoryValidationProblem(
                        type, r, name, "attribute values are strings", "null",
                        $"{At(type, r, name)}: the value is null. Leave the attribute out of the row instead."));
                }
                else
                {
                    int valueBytes = InventoryRules.Utf8ByteCount(attribute.Value);
                    if (valueBytes > InventoryLimits.MaxAttributeValueBytes)
                    {
                        problems.Add(new InventoryValidationProblem(
                            type, r, name,
                            limit: $"attribute value at most {InventoryLimits.MaxAttributeValueBytes} UTF-8 bytes",
                            actual: $"{valueBytes} bytes",
                            message: $"{At(type, r, name)}: the value is {valueBytes} UTF-8 bytes; the limit is {InventoryLimits.MaxAttributeValueBytes}. Shorten it or split it over several attributes."));
                    }
                }

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

        return wellFormed;
    }

    private static void ValidateHashAndSize(InventoryItemData item, InventoryValidationRules rules, List<InventoryValidationProblem> problems)
    {
        string type = item.TypeName;
        try
        {
            // A list changed after InventoryItemData.Create no longer matches the hash, which would make a hash-only
            // update claim content the service never received.
            if (!string.Equals(InventoryContentHash.Compute(item.Content), item.ContentHash, StringComparison.Ordinal))
            {
                problems.Add(new InventoryValidationProblem(
                    type, null, null,
                    limit: "ContentHash is the hash of the Content",
                    actual: "a different hash",
                    message: $"{type}: the Content was changed after the item was created, so its ContentHash no longer matches. Create the item again after changing the rows."));
            }
        }
        catch (ArgumentException e)
        {
            // The hash's own messages name the row and attribute, never the value.
            problems.Add(new InventoryValidationProblem(
                type, null, null,
                limit: "Content the SSM Agent's ContentHash can encode",
                actual: "an unencodable character or name",
                message: $"{type}: {e.Message}"));
        }

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

    private static string At(string type, int row, string attributeName) => $"{type} row {row}, attribute {Quote(attributeName)}";

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
