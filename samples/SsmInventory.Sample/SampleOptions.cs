using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace SsmInventory.Sample;

/// <summary>The parsed command line.</summary>
/// <param name="InstanceId">The managed node the request is for.</param>
/// <param name="IsPlaceholderInstanceId">True when no <c>--instance-id</c> was given.</param>
/// <param name="ShowHelp">True for <c>--help</c>.</param>
internal sealed partial record SampleOptions(string InstanceId, bool IsPlaceholderInstanceId, bool ShowHelp)
{
    /// <summary>Shaped like an EC2 instance id, so the request is valid, but it names no real node.</summary>
    public const string PlaceholderInstanceId = "i-0123456789abcdef0";

    public const string Usage =
        """
        Prints, as JSON, the SSM PutInventory request this node would send for a few custom inventory types.
        Nothing is sent: no AWS account, network access or root is needed.

        Usage: SsmInventory.Sample [--instance-id <id>] [--help]

          --instance-id <id>  The managed node to report for: i- followed by 8 or 17 characters, or mi- followed
                              by 17 (default: the placeholder i-0123456789abcdef0).
          -h, --help          Show this help.

        """;

    public static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out SampleOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        string? instanceId = null;
        bool showHelp = false;
        for (int i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    showHelp = true;
                    break;
                case "--instance-id" when i + 1 == args.Count:
                    error = "--instance-id needs a value, such as mi-0123456789abcdef0.";
                    return false;
                case "--instance-id":
                    instanceId = args[++i];
                    if (!InstanceIdPattern().IsMatch(instanceId))
                    {
                        error = $"'{instanceId}' is not a managed node id: expected i- followed by 8 or 17 letters, digits or underscores, or mi- followed by 17.";
                        return false;
                    }

                    break;
                default:
                    error = args[i].StartsWith('-') ? $"unknown option '{args[i]}'." : $"unexpected argument '{args[i]}'.";
                    return false;
            }
        }

        options = new SampleOptions(instanceId ?? PlaceholderInstanceId, instanceId is null, showHelp);
        error = null;
        return true;
    }

    // The service model's InstanceId pattern, (^i-(\w{8}|\w{17})$)|(^mi-\w{17}$), where \w has ECMAScript's ASCII-only
    // meaning. \z rather than $, because .NET's $ also matches before a final newline, which the service rejects.
    [GeneratedRegex(@"^(?:i-(?:[A-Za-z0-9_]{8}|[A-Za-z0-9_]{17})|mi-[A-Za-z0-9_]{17})\z")]
    private static partial Regex InstanceIdPattern();
}
