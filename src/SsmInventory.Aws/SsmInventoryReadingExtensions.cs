using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SsmInventory.Metadata;

namespace SsmInventory.Aws;

/// <summary>Typed reading and deleting of custom inventory with the SSM client.</summary>
public static class SsmInventoryReadingExtensions
{
    // The most results one page of ListInventoryEntries or GetInventory returns (model MaxResults).
    private const int PageSize = 50;

    /// <summary>Reads one node's rows of a type with ListInventoryEntries, following every page.</summary>
    /// <param name="ssm">The SSM client.</param>
    /// <param name="typeInfo">The generated metadata, such as <c>CertificateInventory.TypeInfo</c>.</param>
    /// <param name="instanceId">The managed node.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The rows; empty when the node has none of this type.</returns>
    /// <exception cref="InventoryReadException">A row does not read into <typeparamref name="T"/>.</exception>
    public static async Task<List<T>> ListInventoryEntriesAsync<T>(
        this IAmazonSimpleSystemsManagement ssm, InventoryTypeInfo<T> typeInfo, string instanceId, CancellationToken cancellationToken = default)
    {
        if (ssm is null)
        {
            throw new ArgumentNullException(nameof(ssm));
        }

        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        var rows = new List<Dictionary<string, string>>();
        string? nextToken = null;
        do
        {
            ListInventoryEntriesResponse page = await ssm.ListInventoryEntriesAsync(
                new ListInventoryEntriesRequest { InstanceId = instanceId, TypeName = typeInfo.TypeName, MaxResults = PageSize, NextToken = nextToken },
                cancellationToken).ConfigureAwait(false);

            // The SDK leaves collections null when the service returns none.
            if (page.Entries is not null)
            {
                rows.AddRange(page.Entries);
            }

            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return typeInfo.ReadContent(rows);
    }

    /// <summary>Reads every node's rows of a type with GetInventory, following every page.</summary>
    /// <param name="ssm">The SSM client.</param>
    /// <param name="typeInfo">The generated metadata, such as <c>CertificateInventory.TypeInfo</c>.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>One entry per node that has data of the type.</returns>
    /// <exception cref="InventoryReadException">A row does not read into <typeparamref name="T"/>.</exception>
    public static async Task<List<NodeInventory<T>>> GetInventoryAsync<T>(
        this IAmazonSimpleSystemsManagement ssm, InventoryTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        if (ssm is null)
        {
            throw new ArgumentNullException(nameof(ssm));
        }

        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        var nodes = new List<NodeInventory<T>>();
        string? nextToken = null;
        do
        {
            GetInventoryResponse page = await ssm.GetInventoryAsync(
                new GetInventoryRequest
                {
                    ResultAttributes = [new ResultAttribute { TypeName = typeInfo.TypeName }],
                    MaxResults = PageSize,
                    NextToken = nextToken,
                },
                cancellationToken).ConfigureAwait(false);

            foreach (InventoryResultEntity entity in page.Entities ?? [])
            {
                if (entity.Data is not null && entity.Data.TryGetValue(typeInfo.TypeName, out InventoryResultItem? data))
                {
                    nodes.Add(new NodeInventory<T>(entity.Id, data.CaptureTime, typeInfo.ReadContent(data.Content)));
                }
            }

            nextToken = page.NextToken;
        }
        while (!string.IsNullOrEmpty(nextToken));

        return nodes;
    }

    /// <summary>
    /// Deletes a custom type's data from every node with DeleteInventory. To free one of the account's 20 custom types,
    /// pass <see cref="InventorySchemaDeleteOption.DeleteSchema"/>; to stop accepting the current SchemaVersion, pass
    /// <see cref="InventorySchemaDeleteOption.DisableSchema"/>. The deletion runs in the background on the service.
    /// </summary>
    /// <param name="ssm">The SSM client.</param>
    /// <param name="typeInfo">The type, such as <c>CertificateInventory.TypeInfo</c>.</param>
    /// <param name="schemaDeleteOption">What happens to the type itself; null deletes only its data.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The deletion id, for DescribeInventoryDeletions.</returns>
    public static async Task<string> DeleteInventoryAsync(
        this IAmazonSimpleSystemsManagement ssm, InventoryTypeInfo typeInfo, InventorySchemaDeleteOption? schemaDeleteOption = null, CancellationToken cancellationToken = default)
    {
        if (ssm is null)
        {
            throw new ArgumentNullException(nameof(ssm));
        }

        if (typeInfo is null)
        {
            throw new ArgumentNullException(nameof(typeInfo));
        }

        DeleteInventoryResponse response = await ssm.DeleteInventoryAsync(
            new DeleteInventoryRequest { TypeName = typeInfo.TypeName, SchemaDeleteOption = schemaDeleteOption },
            cancellationToken).ConfigureAwait(false);
        return response.DeletionId;
    }
}
