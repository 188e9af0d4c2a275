namespace SsmInventory.Sample;

/// <summary>
/// Fixed, made-up data for the types a real deployment would read from its own sources, so the sample prints the
/// same rows on every machine and needs no access to certificate stores or an asset database.
/// </summary>
internal static class SampleData
{
    /// <summary>In production, from the asset database or a file the provisioning pipeline leaves on the node.</summary>
    public static RackLocation RackLocation { get; } = new(
        Region: "us-east-2",
        DataCenter: "CMH52",
        Rack: "R07",
        Slot: 23,
        InstalledDate: new DateTime(2025, 6, 3, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>In production, from the certificate files the node's services are configured with.</summary>
    public static IReadOnlyList<Certificate> Certificates { get; } =
    [
        new(
            Subject: "CN=api.internal.example.com",
            Issuer: "CN=Example Corp Issuing CA 01, O=Example Corp",
            Thumbprint: "3F2A9C0E7B1D44A58E6F0C2B9D7A15E3C4B8F601",
            KeyAlgorithm: "RSA",
            KeySize: 2048,
            NotBefore: new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc),
            NotAfter: new DateTime(2027, 3, 4, 23, 59, 59, DateTimeKind.Utc))
        {
            Path = "/etc/pki/tls/certs/api.internal.example.com.pem",
            PrivateKeyPath = "/etc/pki/tls/private/api.internal.example.com.key",
        },
        new(
            Subject: "CN=metrics.internal.example.com",
            Issuer: "CN=Example Corp Issuing CA 01, O=Example Corp",
            Thumbprint: "A81C5E2F90D73B64E1F0827C3D9B45A6E2C17F08",
            KeyAlgorithm: "ECDSA",
            KeySize: 256,
            NotBefore: new DateTime(2026, 9, 15, 0, 0, 0, DateTimeKind.Utc),
            NotAfter: new DateTime(2026, 12, 14, 23, 59, 59, DateTimeKind.Utc))
        {
            Path = "/etc/pki/tls/certs/metrics.internal.example.com.pem",
            PrivateKeyPath = "/etc/pki/tls/private/metrics.internal.example.com.key",
        },
    ];
}
