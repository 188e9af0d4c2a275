using Amazon.Runtime;
using Amazon.SimpleSystemsManagement.Model;

namespace SsmInventory.Aws.Publishing;

/// <summary>
/// What a failed PutInventory call means for its items: which error, what to do about it, whether it concerns one item
/// or the whole node, and whether sending the same item again can ever succeed.
/// </summary>
internal sealed class PutInventoryError
{
    /// <summary>The code of failures that never reached the service or got no answer from it.</summary>
    public const string TransportErrorCode = "RequestFailed";

    /// <summary>The code of the answer to a call over the account's rate limit.</summary>
    public const string ThrottlingErrorCode = "ThrottlingException";

    // Reasons never quote the service's message: AWS validation messages can echo submitted values.
    private static readonly Dictionary<string, Meaning> s_meanings = new(StringComparer.Ordinal)
    {
        ["InvalidTypeNameException"] = Item(
            "SSM rejected the TypeName. A custom type is named \"Custom:Name\", the name starting with a capital letter, "
            + "at most 100 UTF-8 bytes in all. Rename the type.",
            resendable: false),
        ["InvalidItemContentException"] = Item(
            "SSM rejected the Content even when it was sent in full. A row may break a limit (50 attributes, names of "
            + "1-64 bytes, values up to 4096 bytes) or not match the type's schema. Fix the rows; when attributes change, "
            + "raise the SchemaVersion.",
            resendable: false),
        ["ItemSizeLimitExceededException"] = Item(
            "The item is over SSM's size limit for one custom type (200 KB). Send fewer or shorter rows, or split them "
            + "into several types.",
            resendable: false),
        ["TotalSizeLimitExceededException"] = Node(
            "The node is over SSM's total inventory size quota (1 MB per call, 5000 KB per node per day). "
            + "Publish less often or send less data; the daily quota frees up again."),
        ["ItemContentMismatchException"] = Item(
            "SSM reported that the Content did not match its ContentHash even though the full Content was sent.",
            resendable: true),
        ["CustomSchemaCountLimitExceededException"] = Item(
            "The account already has the most custom inventory types SSM allows (20 per Region) and this item would add "
            + "one. Delete an unused custom type with DeleteInventory (SchemaDeleteOption DeleteSchema), or reuse an "
            + "existing type.",
            resendable: true),
        ["UnsupportedInventorySchemaVersionException"] = Item(
            "SSM does not accept this SchemaVersion for the type; a type disabled with DeleteInventory (DisableSchema) "
            + "only accepts a greater version. Raise the SchemaVersion.",
            resendable: false),
        ["UnsupportedInventoryItemContextException"] = Item(
            "SSM does not allow a Context for this type; only types such as AWS:ComplianceItem take one. Leave the Context out.",
            resendable: false),
        ["InvalidInventoryItemContextException"] = Item(
            "SSM rejected the item's Context: a key or value is not valid, or there are over 50 entries. Fix the Context.",
            resendable: false),
        ["SubTypeCountLimitExceededException"] = Item(
            "The item has more sub-types than SSM allows. Use fewer sub-types for this type.",
            resendable: false),
        ["InvalidInstanceId"] = Node(
            "SSM does not accept inventory for this node: the credentials have no permission on it, its SSM Agent is "
            + "not running or not registered, or it is stopped or terminated. Check that the node is online in Fleet "
            + "Manager and that the credentials allow ssm:PutInventory on it, or correct SsmInventoryOptions.InstanceId."),
        ["InternalServerError"] = Transient(
            "SSM had an internal error (HTTP 5xx) and the SDK's retries ran out."),
        [ThrottlingErrorCode] = Transient(
            "SSM throttled the calls and the SDK's retries ran out. Publish less often, or allow more retries (MaxErrorRetry)."),
        ["ValidationException"] = Item(
            "SSM rejected the request's shape. This library checks every documented limit first, so please report this "
            + "together with the request id.",
            resendable: true),
        ["AccessDeniedException"] = Node(
            "The credentials are not allowed ssm:PutInventory on this node. Grant it, for example with the "
            + "AmazonSSMManagedInstanceCore policy on the node's role."),
    };

    private PutInventoryError(string code, string reason, Meaning meaning, string? typeName = null)
    {
        Code = code;
        TypeName = typeName;
        Reason = reason;
        ItemSpecific = meaning.ItemSpecific;
        Resendable = meaning.Resendable;
        AffectsNode = meaning.AffectsNode;
    }

    /// <summary>The service's error code (its wire name), or <see cref="TransportErrorCode"/>.</summary>
    public string Code { get; }

    /// <summary>The item the service named as the cause, for the errors that carry a TypeName.</summary>
    public string? TypeName { get; }

    /// <summary>What happened and how to fix it; never an inventory value.</summary>
    public string Reason { get; }

    /// <summary>The reason followed by what becomes of the item, for the publish report.</summary>
    public string OutcomeReason => Reason + (Resendable
        ? " The item stays in the spool and is sent again on the next publish."
        : " The item stays in the spool but is not sent again until a newer item of its type replaces it.");

    /// <summary>
    /// The errors the SSM Agent answers by sending the full Content again: after a hash-only update they mean the service
    /// no longer holds the content the hash claims.
    /// </summary>
    public bool MayMeanStaleHash => Code is "ItemContentMismatchException" or "InvalidItemContentException";

    /// <summary>The service throttled the call, and the SDK's retries did not get past it.</summary>
    public bool Throttled => Code == "ThrottlingException";

    /// <summary>Caused by one of the request's items, so the others succeed when sent without it.</summary>
    public bool ItemSpecific { get; }

    /// <summary>Sending the same item again may succeed (after a wait, a quota change or a permission fix).</summary>
    public bool Resendable { get; }

    /// <summary>Every request for the node would fail the same way, so the rest are not sent.</summary>
    public bool AffectsNode { get; }

    /// <summary>The error for a service exception, with its request id.</summary>
    public static PutInventoryError From(AmazonServiceException exception)
    {
        int status = (int)exception.StatusCode;
        string code = exception.ErrorCode ?? $"HTTP{status}";
        Meaning meaning = s_meanings.TryGetValue(code, out Meaning? known)
            ? known
            : new Meaning(
                $"SSM answered {code} (HTTP {status}){(status >= 500 ? " and the SDK's retries ran out" : "")}.",
                ItemSpecific: false,
                Resendable: true,
                AffectsNode: false);
        string reason = exception.RequestId is { Length: > 0 } requestId ? $"{meaning.Reason} Request id: {requestId}." : meaning.Reason;
        return new PutInventoryError(code, reason, meaning, TypeNameOf(exception));
    }

    /// <summary>The error for a call that failed without an answer: a reset connection, a timeout, an unreachable endpoint.</summary>
    public static PutInventoryError FromTransport(Exception exception) =>
        new(TransportErrorCode, $"The call to SSM did not complete ({exception.GetType().Name}: {exception.Message}).", Transient(""));

    private static string? TypeNameOf(AmazonServiceException exception) => exception switch
    {
        InvalidItemContentException e => e.TypeName,
        ItemContentMismatchException e => e.TypeName,
        ItemSizeLimitExceededException e => e.TypeName,
        UnsupportedInventoryItemContextException e => e.TypeName,
        _ => null,
    };

    private static Meaning Item(string reason, bool resendable) => new(reason, ItemSpecific: true, resendable, AffectsNode: false);

    private static Meaning Node(string reason) => new(reason, ItemSpecific: false, Resendable: true, AffectsNode: true);

    private static Meaning Transient(string reason) => new(reason, ItemSpecific: false, Resendable: true, AffectsNode: false);

    private sealed record Meaning(string Reason, bool ItemSpecific, bool Resendable, bool AffectsNode);
}
