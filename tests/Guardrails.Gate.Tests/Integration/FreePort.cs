using System.Net;
using System.Net.Sockets;

namespace Guardrails.Gate.Tests.Integration;

internal static class FreePort
{
    /// <summary>A port on 127.0.0.1 the system just handed out, so another test run is unlikely to hold it.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
