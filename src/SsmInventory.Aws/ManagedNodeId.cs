using System.Globalization;
using System.Text.Json;

namespace SsmInventory.Aws;

/// <summary>Finds the managed node id (<c>i-…</c> or <c>mi-…</c>) of the machine the program runs on.</summary>
public static class ManagedNodeId
{
    private const string TokenPath = "latest/api/token";
    private const string InstanceIdPath = "latest/meta-data/instance-id";
    private const string TokenTtlHeader = "X-aws-ec2-metadata-token-ttl-seconds";
    private const string TokenHeader = "X-aws-ec2-metadata-token";

    // The token is used once, right away, so it need not live long.
    private const string TokenTtlSeconds = "60";

    /// <summary>
    /// Returns <see cref="SsmInventoryOptions.InstanceId"/> when set; otherwise the <c>mi-</c> id in the SSM Agent's
    /// registration file (a hybrid node); otherwise the EC2 instance id from instance metadata (IMDSv2), unless
    /// <c>AWS_EC2_METADATA_DISABLED</c> is <c>true</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No source gave an id; the message says what each one answered.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<string> ResolveAsync(SsmInventoryOptions options, CancellationToken cancellationToken = default) =>
        ResolveAsync(
            options ?? throw new ArgumentNullException(nameof(options)),
            string.Equals(Environment.GetEnvironmentVariable("AWS_EC2_METADATA_DISABLED"), "true", StringComparison.OrdinalIgnoreCase),
            cancellationToken);

    /// <summary>Resolves with the metadata switch given rather than read from the environment, which tests must not change.</summary>
    internal static async Task<string> ResolveAsync(SsmInventoryOptions options, bool instanceMetadataDisabled, CancellationToken cancellationToken)
    {
        if (options.InstanceId is not null)
        {
            return options.InstanceId;
        }

        string registration = ReadRegistration(options.AgentRegistrationFile, out string? registeredId);
        if (registeredId is not null)
        {
            return registeredId;
        }

        string metadata;
        if (instanceMetadataDisabled)
        {
            metadata = "EC2 instance metadata is turned off by AWS_EC2_METADATA_DISABLED=true";
        }
        else
        {
            (string? instanceId, metadata) = await QueryInstanceMetadataAsync(options, cancellationToken).ConfigureAwait(false);
            if (instanceId is not null)
            {
                return instanceId;
            }
        }

        throw new InvalidOperationException(
            $"Cannot tell which managed node this is: it is not an EC2 instance or a registered hybrid node ({registration}; {metadata}). "
            + "Set SsmInventoryOptions.InstanceId to the node's id.");
    }

    /// <summary>Reads the hybrid node id; returns what was found, for the error message when nothing usable was.</summary>
    private static string ReadRegistration(string path, out string? instanceId)
    {
        instanceId = null;
        if (!File.Exists(path))
        {
            return $"no SSM Agent registration at {path}";
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("ManagedInstanceID", out JsonElement id)
                && id.ValueKind == JsonValueKind.String
                && InventoryRules.IsValidInstanceId(id.GetString()))
            {
                instanceId = id.GetString();
                return "";
            }

            return $"the SSM Agent registration at {path} has no valid ManagedInstanceID";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return $"the SSM Agent registration at {path} cannot be read ({e.GetType().Name}: {e.Message})";
        }
    }

    private static async Task<(string? InstanceId, string Outcome)> QueryInstanceMetadataAsync(SsmInventoryOptions options, CancellationToken cancellationToken)
    {
        // Instance metadata is link-local: a proxy must never see it.
        using var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = options.InstanceMetadataTimeout };
        using var http = new HttpClient(handler) { BaseAddress = options.InstanceMetadataEndpoint, Timeout = options.InstanceMetadataTimeout };
        try
        {
            using var tokenRequest = new HttpRequestMessage(HttpMethod.Put, TokenPath);
            tokenRequest.Headers.Add(TokenTtlHeader, TokenTtlSeconds);
            using HttpResponseMessage tokenResponse = await http.SendAsync(tokenRequest, cancellationToken).ConfigureAwait(false);
            if (!tokenResponse.IsSuccessStatusCode)
            {
                return (null, $"EC2 instance metadata at {options.InstanceMetadataEndpoint} refused a session token (HTTP {(int)tokenResponse.StatusCode})");
            }

            string token = await tokenResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var idRequest = new HttpRequestMessage(HttpMethod.Get, InstanceIdPath);
            idRequest.Headers.Add(TokenHeader, token);
            using HttpResponseMessage idResponse = await http.SendAsync(idRequest, cancellationToken).ConfigureAwait(false);
            if (!idResponse.IsSuccessStatusCode)
            {
                return (null, $"EC2 instance metadata at {options.InstanceMetadataEndpoint} gave no instance id (HTTP {(int)idResponse.StatusCode})");
            }

            string instanceId = (await idResponse.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            return InventoryRules.IsValidInstanceId(instanceId)
                ? (instanceId, "")
                : (null, $"EC2 instance metadata at {options.InstanceMetadataEndpoint} answered with something that is not an instance id");
        }
        catch (HttpRequestException e)
        {
            return (null, $"EC2 instance metadata at {options.InstanceMetadataEndpoint} cannot be reached ({e.Message})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"EC2 instance metadata at {options.InstanceMetadataEndpoint} did not answer within {options.InstanceMetadataTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
    }
}
