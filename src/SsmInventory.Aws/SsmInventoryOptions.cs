using Amazon.Runtime;

namespace SsmInventory.Aws;

/// <summary>Settings of <see cref="SsmInventoryPublisher"/> and of the hosted service <c>AddSsmInventory</c> registers.</summary>
public sealed class SsmInventoryOptions
{
    /// <summary>
    /// The managed node to publish for, such as <c>i-0123456789abcdef0</c> or <c>mi-0123456789abcdef0</c>. When null it is
    /// detected: from the SSM Agent's registration on a hybrid node, else from EC2 instance metadata (IMDSv2).
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>
    /// The folder that keeps, for each node, the hashes of the content the service last accepted and the spool of items
    /// not yet accepted. It must survive restarts, and only one process may publish with it at a time.
    /// Defaults to <c>SsmInventory</c> under the user's local application data folder.
    /// </summary>
    public string StateDirectory { get; set; } =
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "SsmInventory");

    /// <summary>
    /// The SDK's retry mode for the client <c>AddSsmInventory</c> creates; null keeps the SDK's default (standard mode,
    /// which retries throttling and server errors with backoff).
    /// </summary>
    public RequestRetryMode? RetryMode { get; set; }

    /// <summary>Retries after the first attempt for the client <c>AddSsmInventory</c> creates; null keeps the SDK's default.</summary>
    public int? MaxErrorRetry { get; set; }

    /// <summary>The timeout of each HTTP attempt for the client <c>AddSsmInventory</c> creates; null keeps the SDK's default.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// The SSM Agent's registration file, which holds a hybrid node's <c>mi-</c> id. Defaults to
    /// <c>/var/lib/amazon/ssm/registration</c>, or <c>%ProgramData%\Amazon\SSM\InstanceData\registration</c> on Windows.
    /// </summary>
    public string AgentRegistrationFile { get; set; } = OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Amazon", "SSM", "InstanceData", "registration")
        : "/var/lib/amazon/ssm/registration";

    /// <summary>
    /// The EC2 instance metadata service. Defaults to the <c>AWS_EC2_METADATA_SERVICE_ENDPOINT</c> environment variable,
    /// else <c>http://169.254.169.254/</c>. Setting <c>AWS_EC2_METADATA_DISABLED=true</c> turns the lookup off.
    /// </summary>
    public Uri InstanceMetadataEndpoint { get; set; } = new(
        Environment.GetEnvironmentVariable("AWS_EC2_METADATA_SERVICE_ENDPOINT") is { Length: > 0 } endpoint ? endpoint : "http://169.254.169.254/");

    /// <summary>How long each instance metadata call may take; off EC2 nothing answers, so this is short. Defaults to one second.</summary>
    public TimeSpan InstanceMetadataTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the hosted service collects from the registered sources and publishes. Defaults to 30 minutes.</summary>
    public TimeSpan PublishInterval { get; set; } = TimeSpan.FromMinutes(30);
}
