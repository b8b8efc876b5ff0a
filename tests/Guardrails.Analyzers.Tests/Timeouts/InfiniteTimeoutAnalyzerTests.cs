using System.Threading.Tasks;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class InfiniteTimeoutAnalyzerTests
{
    private static Task VerifyAsync(string source, string? editorConfig = null)
        => TimeoutsVerifier.VerifyAnalyzerAsync<InfiniteTimeoutAnalyzer>(source, editorConfig);

    [Test]
    public Task Infinite_values_passed_as_a_timeout_are_reported()
        => VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                void Run(ManualResetEvent signal, Task task, SemaphoreSlim gate, Process process)
                {
                    _ = signal.WaitOne({|GR2002:Timeout.Infinite|});
                    _ = signal.WaitOne({|GR2002:-1|});
                    _ = task.Wait({|GR2002:Timeout.InfiniteTimeSpan|});
                    _ = gate.Wait(millisecondsTimeout: {|GR2002:Timeout.Infinite|});
                    _ = gate.Wait({|GR2002:TimeSpan.MaxValue|});
                    _ = process.WaitForExit({|GR2002:-1|});
                }
            }
            """);

    [Test]
    public Task Infinite_delays_and_finite_timeouts_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                async Task RunAsync(ManualResetEvent signal, CancellationToken stopping)
                {
                    _ = signal.WaitOne(TimeSpan.FromSeconds(5));
                    _ = signal.WaitOne(0);
                    await Task.Delay(Timeout.Infinite, stopping);
                    using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan);
                }
            }
            """);

    [Test]
    public Task Timeout_properties_set_to_infinite_are_reported()
        => VerifyAsync("""
            using System;
            using System.Data.Common;
            using System.IO;
            using System.Net.Http;
            using System.Net.Sockets;
            using System.Threading;

            class Setup
            {
                void Configure(DbCommand command, Stream stream, Socket socket, TcpClient client)
                {
                    var http = new HttpClient { Timeout = {|GR2002:Timeout.InfiniteTimeSpan|} };
                    http.Timeout = {|GR2002:TimeSpan.MaxValue|};
                    command.CommandTimeout = {|GR2002:0|};
                    stream.ReadTimeout = {|GR2002:Timeout.Infinite|};
                    stream.WriteTimeout = {|GR2002:-1|};
                    socket.ReceiveTimeout = {|GR2002:0|};
                    client.SendTimeout = {|GR2002:-1|};
                }
            }
            """);

    [Test]
    public Task Finite_timeout_properties_and_zero_where_zero_is_not_infinite_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Data.Common;
            using System.IO;
            using System.Net.Http;

            class Setup
            {
                void Configure(DbCommand command, Stream stream)
                {
                    var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                    command.CommandTimeout = 30;
                    stream.ReadTimeout = 0;
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_is_accepted_when_a_resilience_handler_owns_the_timeouts()
        => VerifyAsync("""
            using System.Threading;
            using Microsoft.Extensions.DependencyInjection;

            class Startup
            {
                void Configure(object services)
                {
                    services.AddHttpClient("payments", client => client.Timeout = Timeout.InfiniteTimeSpan)
                        .AddStandardResilienceHandler();
                }
            }
            """);

    [Test]
    public Task An_infinite_HttpClient_timeout_without_a_resilience_handler_is_reported()
        => VerifyAsync("""
            using System.Threading;
            using Microsoft.Extensions.DependencyInjection;

            class Startup
            {
                void Configure(object services)
                {
                    services.AddHttpClient("payments", client => client.Timeout = {|GR2002:Timeout.InfiniteTimeSpan|});
                }
            }
            """);
}
