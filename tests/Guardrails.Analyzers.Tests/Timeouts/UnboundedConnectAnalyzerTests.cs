using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class UnboundedConnectAnalyzerTests
{
    private static Task VerifyAsync(string source)
        => AnalyzerVerifier<UnboundedConnectAnalyzer>.VerifyAsync(source);

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

    [Test]
    public Task Every_connect_overload_udp_host_names_and_named_pipes_without_a_bound_are_reported()
        => VerifyAsync("""
            using System.IO.Pipes;
            using System.Net;
            using System.Net.Sockets;

            class Transport
            {
                void Open(Socket socket, TcpClient tcp, UdpClient udp, IPAddress address, IPAddress[] addresses)
                {
                    socket.{|GR2003:Connect|}(address, 6379);
                    socket.{|GR2003:Connect|}(addresses, 6379);
                    socket.{|GR2003:Connect|}("cache.internal", 6379);
                    tcp.{|GR2003:Connect|}(new IPEndPoint(address, 6379));
                    tcp.EndConnect(tcp.{|GR2003:BeginConnect|}("cache.internal", 6379, null, null));
                    udp.{|GR2003:Connect|}("metrics.internal", 8125);
                    using var statsd = {|GR2003:new UdpClient("metrics.internal", 8125)|};
                }

                void Serve(NamedPipeServerStream server, NamedPipeClientStream client)
                {
                    server.{|GR2003:WaitForConnection|}();
                    client.{|GR2003:Connect|}();
                }
            }
            """);

    [Test]
    public Task Connects_bounded_by_a_timed_wait_on_their_task_or_result_and_udp_addresses_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.IO.Pipes;
            using System.Net;
            using System.Net.Sockets;
            using System.Threading;
            using System.Threading.Tasks;

            class Transport
            {
                static readonly ManualResetEvent Connected = new(false);

                void WaitOnTheTask(TcpClient client)
                {
                    if (!client.ConnectAsync("cache.internal", 6379).Wait(TimeSpan.FromSeconds(3)))
                    {
                        throw new TimeoutException();
                    }
                }

                async Task RaceADelayAsync(TcpClient client)
                {
                    var connect = client.ConnectAsync("cache.internal", 6379);
                    if (await Task.WhenAny(connect, Task.Delay(3000)) != connect)
                    {
                        throw new TimeoutException();
                    }
                }

                async Task WaitAsyncWithATimeout(Socket socket, IPEndPoint endpoint)
                    => await socket.ConnectAsync(endpoint).WaitAsync(TimeSpan.FromSeconds(3));

                void WaitOnTheHandle(TcpClient client, IPAddress address)
                {
                    var result = client.BeginConnect(address, 6379, null, null);
                    if (!result.AsyncWaitHandle.WaitOne(TimeSpan.FromSeconds(3)))
                    {
                        client.Close();
                        throw new TimeoutException();
                    }

                    client.EndConnect(result);
                }

                void WithACallback(TcpClient client)
                {
                    client.BeginConnect("cache.internal", 6379, result => ((TcpClient)result.AsyncState!).EndConnect(result), client);
                    if (!Connected.WaitOne(3000))
                    {
                        client.Close();
                    }
                }

                void UdpAddressesSendNothing(UdpClient udp, IPAddress address)
                {
                    udp.Connect(address, 8125);
                    udp.Connect(new IPEndPoint(address, 8125));
                }

                void PipesWithATimeout(NamedPipeClientStream client) => client.Connect(TimeSpan.FromSeconds(3));

                async Task PipeServerWithAToken(NamedPipeServerStream server)
                {
                    using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                    await server.WaitForConnectionAsync(wait.Token);
                }
            }
            """);

    [Test]
    public Task A_connect_on_a_socket_made_non_blocking_in_the_same_function_is_not_reported()
        => VerifyAsync("""
            using System.Collections.Generic;
            using System.Net;
            using System.Net.Sockets;

            class Connector
            {
                Socket Open(IPEndPoint endpoint, int perEndpointTimeout)
                {
                    var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = false };
                    try
                    {
                        socket.Connect(endpoint);
                    }
                    catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
                    {
                    }

                    var write = new List<Socket> { socket };
                    var error = new List<Socket> { socket };
                    Socket.Select(null, write, error, perEndpointTimeout);
                    if (write.Count is 0)
                    {
                        throw new System.TimeoutException("Timeout during connection attempt");
                    }

                    socket.Blocking = true;
                    return socket;
                }

                void OpenLater(Socket socket, IPEndPoint endpoint)
                {
                    socket.Blocking = false;
                    try { socket.Connect(endpoint); } catch (SocketException) { }
                }
            }
            """);

    [Test]
    public Task A_blocking_connect_beside_another_non_blocking_socket_is_reported()
        => VerifyAsync("""
            using System.Net;
            using System.Net.Sockets;

            class Connector
            {
                void Open(IPEndPoint endpoint, Socket probe)
                {
                    probe.Blocking = false;
                    var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { Blocking = true };
                    socket.{|GR2003:Connect|}(endpoint);
                }

                void Reopen(Socket socket, IPEndPoint endpoint)
                {
                    socket.{|GR2003:Connect|}(endpoint);
                }
            }
            """);
}
