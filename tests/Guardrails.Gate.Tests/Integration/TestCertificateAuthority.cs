using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>A private CA made on the spot and a server certificate for 127.0.0.1 it signed, as PEM files.</summary>
internal sealed class TestCertificateAuthority
{
    private TestCertificateAuthority(string caCertificate, string serverCertificate, string serverKey)
    {
        CaCertificatePem = caCertificate;
        ServerCertificatePem = serverCertificate;
        ServerKeyPem = serverKey;
    }

    public string CaCertificatePem { get; }

    public string ServerCertificatePem { get; }

    public string ServerKeyPem { get; }

    public static TestCertificateAuthority Create(string name)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={name} test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        using var server = serverRequest.Create(ca, now.AddHours(-1), now.AddHours(12), [1, 2, 3, 4, 5, 6, 7, 8]);

        return new TestCertificateAuthority(ca.ExportCertificatePem(), server.ExportCertificatePem(), serverKey.ExportPkcs8PrivateKeyPem());
    }

    public string WriteCaBundle(string directory)
    {
        var path = Path.Combine(directory, "ca.pem");
        File.WriteAllText(path, CaCertificatePem);
        return path;
    }
}
