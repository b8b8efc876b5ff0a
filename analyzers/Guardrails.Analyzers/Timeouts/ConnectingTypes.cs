using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>The types whose connects GR2003 watches, looked up once per compilation.</summary>
internal sealed class ConnectingTypes
{
    private readonly INamedTypeSymbol? socket;
    private readonly INamedTypeSymbol? tcpClient;
    private readonly INamedTypeSymbol? udpClient;
    private readonly INamedTypeSymbol? pipeServer;
    private readonly INamedTypeSymbol? pipeClient;

    private ConnectingTypes(Compilation compilation, INamedTypeSymbol cancellationToken)
    {
        CancellationToken = cancellationToken;
        socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        udpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.UdpClient");
        pipeServer = compilation.GetTypeByMetadataName("System.IO.Pipes.NamedPipeServerStream");
        pipeClient = compilation.GetTypeByMetadataName("System.IO.Pipes.NamedPipeClientStream");
    }

    public enum Kind
    {
        None,
        Socket,
        Udp,
        PipeServer,
        PipeClient,
    }

    public INamedTypeSymbol CancellationToken { get; }

    public static ConnectingTypes? Create(Compilation compilation)
        => compilation.GetTypeByMetadataName("System.Threading.CancellationToken") is { } cancellationToken
            ? new ConnectingTypes(compilation, cancellationToken)
            : null;

    public Kind KindOf(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (Is(current, socket) || Is(current, tcpClient))
            {
                return Kind.Socket;
            }

            if (Is(current, udpClient))
            {
                return Kind.Udp;
            }

            if (Is(current, pipeServer))
            {
                return Kind.PipeServer;
            }

            if (Is(current, pipeClient))
            {
                return Kind.PipeClient;
            }
        }

        return Kind.None;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
