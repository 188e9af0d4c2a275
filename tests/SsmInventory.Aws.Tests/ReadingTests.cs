using Amazon.SimpleSystemsManagement;
using SsmInventory.FakeSsm;
using SsmInventory.Publishing;

namespace SsmInventory.Aws.Tests;

public sealed class ReadingTests : PublisherTest
{
    private static readonly DateTime s_notAfter = new(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Certificate Certificate(int i) => new($"CN=host{i}", $"TH{i:D4}", s_notAfter.AddDays(i), 2048 + i);

    private void Seed(string instanceId, IEnumerable<Certificate> certificates) =>
        Server.Store.Seed(instanceId, new StoredInventoryItem(
            "Custom:Certificate", "1.0", "2026-11-27T10:00:00Z", null, CertificateInventory.TypeInfo.WriteContent(certificates)));

    [Fact]
    public async Task ListInventoryEntries_reads_every_page_into_typed_rows()
    {
        Certificate[] certificates = [.. Enumerable.Range(0, 120).Select(Certificate)];
        Seed(Items.Node, certificates);

        List<Certificate> read = await NewClient().ListInventoryEntriesAsync(CertificateInventory.TypeInfo, Items.Node);

        Assert.Equal(certificates, read);
        Assert.Equal(3, Server.Requests.Count(r => r.Operation == "ListInventoryEntries"));
    }

    [Fact]
    public async Task ListInventoryEntries_of_a_node_without_the_type_is_empty() =>
        Assert.Empty(await NewClient().ListInventoryEntriesAsync(CertificateInventory.TypeInfo, Items.Node));

    [Fact]
    public async Task What_the_publisher_sent_reads_back()
    {
        Certificate[] certificates = [Certificate(1), Certificate(2)];
        IAmazonSimpleSystemsManagement ssm = NewClient();
        await new SsmInventoryPublisher(ssm, Options()).PublishAsync(new InventoryBatch().Add(CertificateInventory.TypeInfo, certificates));
        Assert.Equal(certificates, await ssm.ListInventoryEntriesAsync(CertificateInventory.TypeInfo, Items.Node));
    }

    [Fact]
    public async Task GetInventory_reads_one_type_across_the_fleet_over_every_page()
    {
        string[] nodes = [.. Enumerable.Range(0, 60).Select(i => $"i-{i:D17}")];
        for (int i = 0; i < nodes.Length; i++)
        {
            Seed(nodes[i], [Certificate(i)]);
        }

        Server.Store.Seed("i-99999999999999999", new StoredInventoryItem("Custom:Package", "1.0", "2026-11-27T10:00:00Z", null, []));

        List<NodeInventory<Certificate>> fleet = await NewClient().GetInventoryAsync(CertificateInventory.TypeInfo);

        Assert.Equal(nodes, fleet.Select(n => n.InstanceId));
        Assert.Equal(Certificate(7), Assert.Single(fleet[7].Entries));
        Assert.Equal("2026-11-27T10:00:00Z", fleet[0].CaptureTime);
        Assert.Equal(2, Server.Requests.Count(r => r.Operation == "GetInventory"));
    }

    [Fact]
    public async Task DeleteInventory_removes_the_type_from_every_node_and_the_account()
    {
        Seed(Items.Node, [Certificate(1)]);
        Seed("i-00000000000000001", [Certificate(2)]);

        string deletionId = await NewClient().DeleteInventoryAsync(CertificateInventory.TypeInfo, InventorySchemaDeleteOption.DeleteSchema);

        Assert.False(string.IsNullOrEmpty(deletionId));
        Assert.Null(Server.Store.Get(Items.Node, "Custom:Certificate"));
        Assert.DoesNotContain("Custom:Certificate", Server.Store.CustomTypeNames);
    }
}
