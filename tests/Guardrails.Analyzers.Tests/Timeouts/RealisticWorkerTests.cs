using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests.Timeouts;

/// <summary>
/// The whole GR2xxx family over one realistic service (the never-throws test truncates the same file): each
/// unbounded wait in it is reported once, on its line, and the bounded ones beside them are not.
/// </summary>
public sealed class RealisticWorkerTests
{
    private static readonly string[] ExpectedFindings =
    [
        "GR2001 _started.WaitOne();",
        "GR2001 _thread?.Join();",
        "GR2001 await _gate.WaitAsync();",
        "GR2001 process.WaitForExit();",
        "GR2001 settled.Wait();",
        "GR2001 var batch = _batches.Take();",
        "GR2001 warmed.Wait();",
        "GR2002 _gate.Wait(Timeout.Infinite);",
        "GR2002 command.CommandTimeout = 0;",
        "GR2002 private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };",
        "GR2002 request.ReadWriteTimeout = Timeout.Infinite;",
        "GR2002 socket.ReceiveTimeout = -1;",
        "GR2002 stream.ReadTimeout = Timeout.Infinite;",
        "GR2003 await client.ConnectAsync(host, port);",
        "GR2003 public static UdpClient Statsd() => new UdpClient(\"statsd.internal\", 8125);",
        "GR2003 public static void ServeControlPipe(NamedPipeServerStream pipe) => pipe.WaitForConnection();",
        "GR2003 socket.Connect(new IPEndPoint(IPAddress.Loopback, 5432));",
        "GR2005 private static Task<string> SendAsync(HttpClient client, string path) => client.GetStringAsync(path);",
        "GR2005 return client.DownloadString(url);",
        "GR2005 using var response = await _http.PostAsync(\"/settle\", new StringContent(batch));",
        "GR2005 var totals = await _http.GetFromJsonAsync<int[]>(\"/totals/\" + batch);",
        "GR2006 .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3, Delay = TimeSpan.FromMilliseconds(200) })",
    ];

    [Test]
    public async Task Every_unbounded_wait_in_the_worker_is_reported_on_its_line()
    {
        var tree = RealisticSources.Parse("TimeoutsWorker.cs.txt");
        var source = tree.GetText().ToString();
        var compilation = RealisticSources.Compile("Worker", [tree]);
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);

        ImmutableArray<DiagnosticAnalyzer> analyzers =
        [
            new UnboundedWaitAnalyzer(),
            new InfiniteTimeoutAnalyzer(),
            new UnboundedConnectAnalyzer(),
            new GrpcCallWithoutDeadlineAnalyzer(),
            new HttpClientCallWithoutBoundAnalyzer(),
            new RetryWithoutTimeoutAnalyzer(),
        ];
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();
        var found = diagnostics
            .Select(d => $"{d.Id} {source.Split('\n')[d.Location.GetLineSpan().StartLinePosition.Line].Trim()}")
            .OrderBy(line => line, System.StringComparer.Ordinal);

        Assert.That(found, Is.EqualTo(ExpectedFindings));

        // GR2005 names where each client was made and what bounds it today.
        var requests = diagnostics.Where(d => d.Id == "GR2005").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.That(requests, Has.Exactly(2).Contains("the client made in field '_http' (line 26) has an infinite Timeout (line 26), so nothing bounds it"));
        Assert.That(requests, Has.Exactly(1).Contains("the client made in the constructor (line 138) sets no Timeout, so only HttpClient's 100-second default bounds it"));
    }
}
