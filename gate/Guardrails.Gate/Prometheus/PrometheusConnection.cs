using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Guardrails.Gate.Prometheus;

/// <summary>
/// Where Prometheus is and how to talk to it: its URL, an optional bearer token, and optional CA
/// certificates (a PEM bundle) trusted besides the system store, for a private PKI.
/// </summary>
public sealed record PrometheusConnection(Uri Address, string? BearerToken, X509Certificate2Collection? TrustedCertificateAuthorities)
{
    /// <summary>
    /// An <see cref="HttpClient"/> for queries whose attempts the resilience pipeline bounds by
    /// <paramref name="attemptTimeout"/>. The client's own timeout, twice as long, is only a backstop.
    /// </summary>
    public HttpClient CreateHttpClient(TimeSpan attemptTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = attemptTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        };
        if (TrustedCertificateAuthorities is { } authorities)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                ChainsToTrustedAuthority(certificate as X509Certificate2, errors, authorities);
        }

        var client = new HttpClient(handler, disposeHandler: true) { Timeout = attemptTimeout * 2 };
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (!string.IsNullOrEmpty(BearerToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        return client;
    }

    /// <summary>
    /// Accepts the server's certificate when its chain ends in one of the bundle's authorities. A name
    /// mismatch or a missing certificate is still refused: the bundle says whom to trust, not whether to check.
    /// </summary>
    private static bool ChainsToTrustedAuthority(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection authorities)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || errors != SslPolicyErrors.RemoteCertificateChainErrors)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
