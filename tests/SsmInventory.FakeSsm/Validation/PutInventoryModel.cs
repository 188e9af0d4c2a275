using SsmInventory.FakeSsm.Protocol;

namespace SsmInventory.FakeSsm.Validation;

/// <summary>The SSM model's constraints on a PutInventory request; the service checks them before anything else.</summary>
internal static class PutInventoryModel
{
    public const int MaxItems = 30;
    public const int MaxRows = 10_000;
    public const int MaxAttributes = 50;
    public const int MaxContextEntries = 50;
    public const int MaxAttributeNameBytes = 64;
    public const int MaxAttributeValueBytes = 4096;
    public const int MaxTypeNameBytes = 100;
    public const int MaxContentHashBytes = 256;

    public static void Validate(PutInventoryInput input)
    {
        var validator = new ModelValidator();
        if (validator.Required(input.InstanceId, "instanceId"))
        {
            validator.Pattern(input.InstanceId, "instanceId", ModelPatterns.InstanceId(), ModelPatterns.InstanceIdModel);
        }

        if (validator.Required(input.Items, "items"))
        {
            validator.Count(input.Items!.Count, "items", 1, MaxItems);
            for (var i = 0; i < input.Items.Count; i++)
            {
                var path = $"items.{i + 1}.member";
                if (validator.Required(input.Items[i], path))
                {
                    ValidateItem(validator, input.Items[i]!, path);
                }
            }
        }

        validator.ThrowIfInvalid();
    }

    private static void ValidateItem(ModelValidator validator, InventoryItemInput item, string path)
    {
        if (validator.Required(item.TypeName, $"{path}.typeName"))
        {
            validator.Length(item.TypeName, $"{path}.typeName", 1, MaxTypeNameBytes);
            validator.Pattern(item.TypeName, $"{path}.typeName", ModelPatterns.TypeName(), ModelPatterns.TypeNameModel);
        }

        if (validator.Required(item.SchemaVersion, $"{path}.schemaVersion"))
        {
            validator.Pattern(item.SchemaVersion, $"{path}.schemaVersion", ModelPatterns.SchemaVersion(), ModelPatterns.SchemaVersionModel);
        }

        if (validator.Required(item.CaptureTime, $"{path}.captureTime"))
        {
            validator.Pattern(item.CaptureTime, $"{path}.captureTime", ModelPatterns.CaptureTime(), ModelPatterns.CaptureTimeModel);
        }

        validator.Length(item.ContentHash, $"{path}.contentHash", 0, MaxContentHashBytes);
        // The keys and values are the service's own check (InvalidInventoryItemContextException), not the model's.
        validator.Count(item.Context?.Count, $"{path}.context", 0, MaxContextEntries);
        if (item.Content is null)
        {
            return;
        }

        validator.Count(item.Content.Count, $"{path}.content", 0, MaxRows);
        for (var r = 0; r < item.Content.Count; r++)
        {
            var rowPath = $"{path}.content.{r + 1}.member";
            if (validator.Required(item.Content[r], rowPath))
            {
                validator.Map(item.Content[r], rowPath, MaxAttributes, MaxAttributeNameBytes, MaxAttributeValueBytes);
            }
        }
    }
}
