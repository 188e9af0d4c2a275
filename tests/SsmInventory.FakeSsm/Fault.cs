using SsmInventory.FakeSsm.Protocol;

namespace SsmInventory.FakeSsm;

/// <summary>A failure the fake service applies to one request instead of (or around) its normal handling.</summary>
public abstract record Fault
{
    private protected Fault()
    {
    }

    /// <summary>400 <c>ThrottlingException</c>; nothing is stored. The SDK retries it.</summary>
    public static Fault Throttle() => ErrorFault.Throttling;

    /// <summary>500 <c>InternalServerError</c>; nothing is stored. The SDK retries it.</summary>
    public static Fault InternalError() => new ErrorFault("InternalServerError", "An internal error occurred.", 500);

    /// <summary>The connection is aborted before any response is sent; nothing is stored.</summary>
    public static Fault ConnectionReset() => new ConnectionResetFault();

    /// <summary>The request is processed (and stored, if valid), then the connection is aborted instead of answering.</summary>
    public static Fault ResetAfterStoring() => new ResetAfterStoringFault();

    /// <summary>The server waits <paramref name="delay"/>, then processes the request normally, even if the client gave up meanwhile.</summary>
    public static Fault Delay(TimeSpan delay) => new DelayFault(delay);

    /// <summary>Answers with the given error; nothing is stored.</summary>
    public static Fault Error(string errorType, string message, int statusCode = 400) => new ErrorFault(errorType, message, statusCode);
}

internal sealed record ErrorFault(string ErrorType, string Message, int StatusCode) : Fault
{
    /// <summary>The service's answer to a call over the account's rate limit, for a queued fault and the rate limit alike.</summary>
    public static ErrorFault Throttling { get; } = new("ThrottlingException", "Rate exceeded", 400);

    public SsmErrorException ToException() => new(ErrorType, Message, StatusCode);
}

internal sealed record ConnectionResetFault : Fault;

internal sealed record ResetAfterStoringFault : Fault;

internal sealed record DelayFault(TimeSpan Duration) : Fault;
