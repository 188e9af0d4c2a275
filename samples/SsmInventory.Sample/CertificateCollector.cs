using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SsmInventory.Sample;

/// <summary>Reads the machine's trusted root certificates; on Linux .NET reads them from OpenSSL's certificate folder.</summary>
internal static class CertificateCollector
{
    private const string StoreDescription = "LocalMachine/Root";

    public static List<Certificate> Collect()
    {
        using var store = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        X509Certificate2Collection certificates = store.Certificates;
        try
        {
            // Sorted, and the same certificate found twice kept once, because the ContentHash depends on the rows' order.
            return certificates
                .Select(ToRow)
                .DistinctBy(row => row.Thumbprint, StringComparer.Ordinal)
                .OrderBy(row => row.Thumbprint, StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            foreach (X509Certificate2 certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static Certificate ToRow(X509Certificate2 certificate)
    {
        (string algorithm, int keySize) = DescribeKey(certificate);
        return new Certificate(
            certificate.Subject,
            certificate.Issuer,
            certificate.Thumbprint,
            algorithm,
            keySize,
            certificate.NotBefore.ToUniversalTime(),
            certificate.NotAfter.ToUniversalTime())
        {
            Path = StoreDescription,
            RawData = certificate.RawData,
        };
    }

    private static (string Algorithm, int KeySize) DescribeKey(X509Certificate2 certificate)
    {
        try
        {
            using (RSA? rsa = certificate.GetRSAPublicKey())
            {
                if (rsa is not null)
                {
                    return ("RSA", rsa.KeySize);
                }
            }

            using (ECDsa? ecdsa = certificate.GetECDsaPublicKey())
            {
                if (ecdsa is not null)
                {
                    return ("ECDSA", ecdsa.KeySize);
                }
            }
        }
        catch (CryptographicException)
        {
            // A key .NET cannot open (such as explicit curve parameters) is still listed, with its algorithm's OID.
        }

        Oid oid = certificate.PublicKey.Oid;
        return (oid.FriendlyName ?? oid.Value ?? "unknown", 0);
    }
}
