using SsmInventory.Benchmarks.Model;
using SsmInventory.Metadata;

namespace SsmInventory.Benchmarks.Mappers;

/// <summary>
/// The limit: what a careful person writes by hand for <see cref="HostRecord"/>, over the concrete collection types the
/// AWS SDK uses, with the same invariant formatting (<see cref="InventoryValue"/>) the generated code calls.
/// </summary>
public static class HandWrittenHostMapper
{
    public static List<Dictionary<string, string>> WriteContent(HostRecord[] hosts)
    {
        var content = new List<Dictionary<string, string>>(hosts.Length);
        for (int i = 0; i < hosts.Length; i++)
        {
            content.Add(WriteRow(hosts[i]));
        }

        return content;
    }

    public static Dictionary<string, string> WriteRow(HostRecord host)
    {
        var row = new Dictionary<string, string>(12);
        row.Add("Hostname", host.Hostname);
        if (host.Description is not null)
        {
            row.Add("Description", host.Description);
        }

        row.Add("CpuCount", InventoryValue.Format(host.CpuCount));
        row.Add("MemoryBytes", InventoryValue.Format(host.MemoryBytes));
        row.Add("IsVirtual", host.IsVirtual ? "true" : "false");
        row.Add("LoadAverage", InventoryValue.Format(host.LoadAverage));
        row.Add("HourlyCost", InventoryValue.Format(host.HourlyCost));
        row.Add("BootTime", InventoryValue.Format(host.BootTime));
        row.Add("InstanceId", InventoryValue.Format(host.InstanceId));
        row.Add("State", FormatState(host.State));
        if (host.RackSlot is int slot)
        {
            row.Add("RackSlot", InventoryValue.Format(slot));
        }

        row.Add("Region", host.Region);
        return row;
    }

    public static List<HostRecord> ReadContent(List<Dictionary<string, string>> rows)
    {
        var hosts = new List<HostRecord>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            hosts.Add(ReadRow(rows[i]));
        }

        return hosts;
    }

    public static HostRecord ReadRow(Dictionary<string, string> row)
    {
        var host = new HostRecord
        {
            Hostname = row.TryGetValue("Hostname", out string? text) ? text : throw Missing("Hostname"),
            Description = row.TryGetValue("Description", out text) ? text : null,
            Region = row.TryGetValue("Region", out text) ? text : throw Missing("Region"),
        };

        if (row.TryGetValue("CpuCount", out text))
        {
            host.CpuCount = InventoryValue.TryParse(text, out int cpu) ? cpu : throw Invalid("CpuCount", text);
        }

        if (row.TryGetValue("MemoryBytes", out text))
        {
            host.MemoryBytes = InventoryValue.TryParse(text, out long memory) ? memory : throw Invalid("MemoryBytes", text);
        }

        if (row.TryGetValue("IsVirtual", out text))
        {
            host.IsVirtual = InventoryValue.TryParse(text, out bool isVirtual) ? isVirtual : throw Invalid("IsVirtual", text);
        }

        if (row.TryGetValue("LoadAverage", out text))
        {
            host.LoadAverage = InventoryValue.TryParse(text, out double load) ? load : throw Invalid("LoadAverage", text);
        }

        if (row.TryGetValue("HourlyCost", out text))
        {
            host.HourlyCost = InventoryValue.TryParse(text, out decimal cost) ? cost : throw Invalid("HourlyCost", text);
        }

        if (row.TryGetValue("BootTime", out text))
        {
            host.BootTime = InventoryValue.TryParse(text, out DateTime boot) ? boot : throw Invalid("BootTime", text);
        }

        if (row.TryGetValue("InstanceId", out text))
        {
            host.InstanceId = InventoryValue.TryParse(text, out Guid id) ? id : throw Invalid("InstanceId", text);
        }

        if (row.TryGetValue("State", out text))
        {
            host.State = TryParseState(text, out HostState state) ? state : throw Invalid("State", text);
        }

        if (row.TryGetValue("RackSlot", out text))
        {
            host.RackSlot = InventoryValue.TryParse(text, out int slot) ? slot : throw Invalid("RackSlot", text);
        }

        return host;
    }

    private static string FormatState(HostState state) => state switch
    {
        HostState.Unknown => "Unknown",
        HostState.Pending => "Pending",
        HostState.Running => "Running",
        HostState.Stopped => "Stopped",
        HostState.Terminated => "Terminated",
        _ => InventoryValue.Format((int)state),
    };

    private static bool TryParseState(string text, out HostState state)
    {
        switch (text)
        {
            case "Unknown": state = HostState.Unknown; return true;
            case "Pending": state = HostState.Pending; return true;
            case "Running": state = HostState.Running; return true;
            case "Stopped": state = HostState.Stopped; return true;
            case "Terminated": state = HostState.Terminated; return true;
        }

        bool parsed = InventoryValue.TryParse(text, out int number);
        state = (HostState)number;
        return parsed;
    }

    private static FormatException Missing(string attribute) => new($"The row has no {attribute}.");

    private static FormatException Invalid(string attribute, string text) => new($"{attribute} has an invalid value '{text}'.");
}
