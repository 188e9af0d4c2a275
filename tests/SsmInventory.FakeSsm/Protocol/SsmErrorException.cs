namespace SsmInventory.FakeSsm.Protocol;

/// <summary>An error the fake service answers with; thrown by operations and turned into an error response.</summary>
/// <param name="ErrorType">The wire name, sent as <c>__type</c>.</param>
/// <param name="TypeName">Sent as the <c>TypeName</c> member, for the exceptions whose model carries one.</param>
internal sealed class SsmErrorException(string errorType, string message, int statusCode = 400, string? typeName = null)
    : Exception(message)
{
    public string ErrorType { get; } = errorType;

    public int StatusCode { get; } = statusCode;

    public string? TypeName { get; } = typeName;
}
