using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1 that scrapes one target every second, with a temporary
/// data directory. Dispose kills it and deletes the directory.
/// </summary>
internal sealed class ScrapingPrometheus : IDisposable
{
    public const string ScrapeInterval = "1s";
    private readonly Process process;
    private readonly string directory;
    private readonly StringBuilder log = new();

    private ScrapingPrometheus(Process process, string directory, Uri address)
    {
        this.process = process;
        this.directory = directory;
        Address = address;
    }

    public Uri Address { get; }

    public static ScrapingPrometheus Start(int targetPort)
    {
        var prometheus = ExternalTool.Require("prometheus", "Install Debian's 'prometheus' package (apt-get install -y prometheus); .ci/run does.");
        var directory = Directory.CreateTempSubdirectory("guardrails-executor-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        File.WriteAllText(config, $"""
            global:
              scrape_interval: {ScrapeInterval}
            scrape_configs:
              - job_name: service
                static_configs:
                  - targets: ["127.0.0.1:{targetPort}"]
            """);
        int port;
        using (var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0))
        {
            socket.Start();
            port = ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(prometheus) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--config.file=" + config, "--storage.tsdb.path=" + Path.Combine(directory, "data"), $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new ScrapingPrometheus(process, directory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.WaitUntilScraping();
        return server;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process; the system cleans temporary folders.
        }
    }

    private void WaitUntilScraping()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var query = new Uri(Address, "api/v1/query?query=up");
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode}: {log}");
            }

            try
            {
                var body = http.GetStringAsync(query).GetAwaiter().GetResult();
                if (body.Contains("\"value\":[", StringComparison.Ordinal) && body.Contains("\"1\"]", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or System.Threading.Tasks.TaskCanceledException)
            {
                // Not listening yet.
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"prometheus did not scrape its target within 30 s: {log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
