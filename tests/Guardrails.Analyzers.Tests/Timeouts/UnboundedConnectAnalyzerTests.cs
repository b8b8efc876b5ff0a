using System.Threading.Tasks;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class UnboundedConnectAnalyzerTests
{
    private static Task VerifyAsync(string source)
        => TimeoutsVerifier.VerifyAnalyzerAsync<UnboundedConnectAnalyzer>(source);

    [Test]
    public Task Connects_without_a_token_are_reported()
        => VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;
            using System.Threading.Tasks;

            class Client
            {
                void Open(Socket socket, TcpClient client, IPEndPoint endpoint)
                {
                    socket.{|GR2003:Connect|}(endpoint);
                    client.{|GR2003:Connect|}("db.internal", 5432);
                    using var connected = {|GR2003:new TcpClient("db.internal", 5432)|};
                }

                Task OpenAsync(Socket socket, TcpClient client, IPEndPoint endpoint)
                    => Task.WhenAll(socket.{|GR2003:ConnectAsync|}(endpoint), client.{|GR2003:ConnectAsync|}("db.internal", 5432));
            }
            """);

    [Test]
    public Task Connects_with_a_token_and_forwardable_or_async_cases_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Client
            {
                async Task OpenAsync(Socket socket, IPEndPoint endpoint)
                {
                    using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await socket.ConnectAsync(endpoint, connectTimeout.Token);
                    socket.Connect(endpoint);
                    _ = socket.ConnectAsync(new SocketAsyncEventArgs());
                    using var unconnected = new TcpClient();
                }

                Task ForwardAsync(TcpClient client, CancellationToken cancellationToken) => client.ConnectAsync("db.internal", 5432);
            }
            """);
}
