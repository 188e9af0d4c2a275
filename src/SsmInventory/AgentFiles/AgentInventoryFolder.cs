using System.Runtime.InteropServices;

namespace SsmInventory.AgentFiles;

/// <summary>Where the SSM Agent reads custom inventory files for a managed node (reference §5).</summary>
public static class AgentInventoryFolder
{
    /// <summary>
    /// The folder for <paramref name="instanceId"/> on this operating system: Linux
    /// <c>/var/lib/amazon/ssm/&lt;id&gt;/inventory/custom</c>, Windows
    /// <c>%ProgramData%\Amazon\SSM\InstanceData\&lt;id&gt;\inventory\custom</c>, macOS
    /// <c>/opt/aws/ssm/data/&lt;id&gt;/inventory/custom</c>. The agent never reads the folder without the instance id.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="instanceId"/> is not a managed node id, so it cannot name a folder safely.</exception>
    public static string For(string instanceId)
    {
        if (!InventoryRules.IsValidInstanceId(instanceId))
        {
            throw new ArgumentException(
                $"\"{instanceId}\" is not a managed node id (i- followed by 8 or 17 letters, digits or underscores, or mi- followed by 17), so it cannot name the agent's folder.",
                nameof(instanceId));
        }

        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Amazon", "SSM", "InstanceData", instanceId, "inventory", "custom");
        }

        string root = RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "/opt/aws/ssm/data" : "/var/lib/amazon/ssm";
        return Path.Combine(root, instanceId, "inventory", "custom");
    }
}
