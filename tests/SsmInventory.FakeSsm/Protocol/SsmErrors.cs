namespace SsmInventory.FakeSsm.Protocol;

/// <summary>The errors the fake service raises, with the wire names of the SSM model.</summary>
internal static class SsmErrors
{
    public static SsmErrorException Validation(string message) => new("ValidationException", message);

    public static SsmErrorException Serialization(string message) => new("SerializationException", message);

    public static SsmErrorException UnknownOperation(string target) =>
        new("UnknownOperationException", $"Unknown operation {target}");

    public static SsmErrorException MissingAuthentication() =>
        new("MissingAuthenticationTokenException", "Missing or invalid AWS4-HMAC-SHA256 Authorization header.", 403);

    public static SsmErrorException NotSupportedByFake(string member) =>
        new("NotSupportedByFakeSsm", $"The fake SSM endpoint does not support {member}.");

    public static SsmErrorException InvalidNextToken() => new("InvalidNextToken", "The specified token is not valid.");

    public static SsmErrorException InvalidInstanceId(string instanceId) =>
        new("InvalidInstanceId", $"Instance Id {instanceId} is not valid or the node is not registered.");

    public static SsmErrorException InvalidTypeName(string typeName) =>
        new("InvalidTypeNameException", $"The type name {typeName} is not valid.");

    public static SsmErrorException UnsupportedSchemaVersion(string typeName, string version, string supported) =>
        new("UnsupportedInventorySchemaVersionException",
            $"Schema version {version} of {typeName} is not supported; the supported version is {supported}.");

    public static SsmErrorException UnsupportedContext(string typeName) =>
        new("UnsupportedInventoryItemContextException", $"Context is not supported for type {typeName}.", typeName: typeName);

    public static SsmErrorException InvalidContext(string typeName, string problem) =>
        new("InvalidInventoryItemContextException", $"The Context of {typeName} is not valid: {problem}.");

    public static SsmErrorException InvalidItemContent(string typeName, string first, string second) =>
        new("InvalidItemContentException",
            $"Attribute names {first} and {second} of {typeName} differ only in case.", typeName: typeName);

    public static SsmErrorException ItemSizeLimitExceeded(string typeName, int bytes, int limit) =>
        new("ItemSizeLimitExceededException",
            $"Item {typeName} is {bytes} bytes, over the limit of {limit} bytes.", typeName: typeName);

    public static SsmErrorException TotalSizeLimitExceeded(int bytes, int limit) =>
        new("TotalSizeLimitExceededException", $"The request is {bytes} bytes, over the limit of {limit} bytes.");

    public static SsmErrorException CustomSchemaCountLimitExceeded(int limit) =>
        new("CustomSchemaCountLimitExceededException", $"The account would have more than {limit} custom inventory types.");

    public static SsmErrorException ItemContentMismatch(string typeName) =>
        new("ItemContentMismatchException",
            $"The content hash of {typeName} does not match the content the service holds.", typeName: typeName);
}
