using Microsoft.Extensions.Logging;

namespace SsmInventory.Aws;

/// <summary>
/// Every message this package logs. They carry counts, TypeNames, instance ids, error codes, reasons and file paths,
/// never inventory values or credentials.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Published inventory for {InstanceId}: {Sent} sent, {Unchanged} unchanged, {Failed} failed.")]
    public static partial void Published(ILogger logger, string instanceId, int sent, int unchanged, int failed);

    [LoggerMessage(2, LogLevel.Warning, "{TypeName} was not accepted for {InstanceId}: {ErrorCode}. {Reason}")]
    public static partial void ItemFailed(ILogger logger, string typeName, string instanceId, string? errorCode, string? reason);

    [LoggerMessage(3, LogLevel.Warning, "The content hashes in {Directory} cannot be read; every type is sent in full this time.")]
    public static partial void HashStoreUnreadable(ILogger logger, string directory);

    [LoggerMessage(4, LogLevel.Error, "The spooled item {File} cannot be read and is not sent; it was renamed so that a person can inspect it.")]
    public static partial void SpoolEntryUnreadable(ILogger logger, string file);

    [LoggerMessage(5, LogLevel.Error, "Inventory source {Source} failed with {ExceptionType}; its types are not published this time. The exception's message is not logged because it may hold inventory values.")]
    public static partial void SourceFailed(ILogger logger, string source, string exceptionType);

    [LoggerMessage(6, LogLevel.Error, "Inventory was not published because it breaks limits; nothing was sent. {Problems}")]
    public static partial void ValidationFailed(ILogger logger, string problems);

    [LoggerMessage(7, LogLevel.Error, "Publishing inventory failed; items not yet accepted stay in the spool for the next run.")]
    public static partial void PublishFailed(ILogger logger, Exception exception);

    [LoggerMessage(8, LogLevel.Information, "Fleet publish of {Nodes} nodes: {Sent} items sent, {Unchanged} unchanged, {Deferred} deferred, {Failed} failed, in {Requests} requests ({Throttled} throttled); cancelled: {Cancelled}.")]
    public static partial void FleetPublished(ILogger logger, int nodes, int sent, int unchanged, int deferred, int failed, int requests, int throttled, bool cancelled);
}
