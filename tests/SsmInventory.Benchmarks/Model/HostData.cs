namespace SsmInventory.Benchmarks.Model;

/// <summary>Deterministic, realistic sample hosts.</summary>
public static class HostData
{
    private static readonly string[] s_regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];

    public static HostRecord[] Create(int count, int seed = 42)
    {
        var random = new Random(seed);
        var hosts = new HostRecord[count];
        var epoch = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < count; i++)
        {
            byte[] guid = new byte[16];
            random.NextBytes(guid);
            hosts[i] = new HostRecord
            {
                Hostname = $"ip-10-{random.Next(0, 256)}-{random.Next(0, 256)}-{random.Next(0, 256)}.ec2.internal",
                Description = i % 3 == 0 ? null : $"Web tier node {i} (build {random.Next(1000, 9999)})",
                CpuCount = 1 << random.Next(0, 7),
                MemoryBytes = (long)random.Next(1, 512) * 1024 * 1024 * 1024,
                IsVirtual = random.Next(0, 4) != 0,
                LoadAverage = Math.Round(random.NextDouble() * 16, 2),
                HourlyCost = Math.Round((decimal)random.NextDouble() * 5m, 4),
                // Whole seconds in UTC: the AWS date style keeps nothing finer, so every mapper round-trips the value.
                BootTime = epoch.AddSeconds(random.Next(0, 365 * 24 * 3600)),
                InstanceId = new Guid(guid),
                State = (HostState)random.Next(0, 5),
                RackSlot = i % 4 == 0 ? null : random.Next(1, 48),
                Region = s_regions[random.Next(s_regions.Length)],
            };
        }

        return hosts;
    }
}
