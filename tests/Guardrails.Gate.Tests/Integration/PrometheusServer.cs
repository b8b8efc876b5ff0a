using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>
/// A real Prometheus (Debian's package) on 127.0.0.1 with a temporary data directory backfilled by
/// <c>promtool tsdb create-blocks-from openmetrics</c>. No scraping: the data is exactly what the test wrote.
/// Dispose kills the process and deletes the directory.
/// </summary>
internal sealed class PrometheusServer : IDisposable
{
    private const string InstallHint = "Install Debian's 'prometheus' package (apt-get install -y prometheus); .ci/run does.";
    private readonly string directory;
    private readonly Process process;
    private readonly StringBuilder log = new();

    private PrometheusServer(string directory, Process process, Uri address)
    {
        this.directory = directory;
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>
    /// Starts Prometheus over the given OpenMetrics data, serving https with the authority's server
    /// certificate when one is given; fails or ignores the test when Prometheus is not installed.
    /// </summary>
    public static PrometheusServer Start(string openMetrics, TestCertificateAuthority? tls = null)
    {
        var prometheus = ExternalTool.Require("prometheus", InstallHint);
        var directory = Directory.CreateTempSubdirectory("guardrails-gate-prometheus-").FullName;
        try
        {
            var data = Path.Combine(directory, "data");
            var input = Path.Combine(directory, "backfill.om");
            File.WriteAllText(input, openMetrics);
            var backfill = Promtool.Run(directory, "tsdb", "create-blocks-from", "openmetrics", input, data);
            if (backfill.ExitCode != 0)
            {
                throw new InvalidOperationException($"promtool could not backfill the test data (exit {backfill.ExitCode}): {backfill.Output}");
            }

            var config = Path.Combine(directory, "prometheus.yml");
            File.WriteAllText(config, "global:\n  scrape_interval: 1m\nscrape_configs: []\n");
            string? webConfig = null;
            if (tls is not null)
            {
                File.WriteAllText(Path.Combine(directory, "server.crt"), tls.ServerCertificatePem);
                File.WriteAllText(Path.Combine(directory, "server.key"), tls.ServerKeyPem);
                webConfig = Path.Combine(directory, "web.yml");
                File.WriteAllText(webConfig, "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n");
            }

            return Launch(prometheus, directory, config, data, webConfig);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Stops the server as a crash would (SIGKILL), for the tests where Prometheus goes away mid-gate.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temporary directory is cleaned by the system.
        }
    }

    private static PrometheusServer Launch(string prometheus, string directory, string config, string data, string? webConfig)
    {
        var port = FreePort.Next();
        var address = new Uri($"{(webConfig is null ? "http" : "https")}://127.0.0.1:{port}/");
        var start = new ProcessStartInfo(prometheus)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--config.file=" + config, "--storage.tsdb.path=" + data, $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn" })
        {
            start.ArgumentList.Add(argument);
        }

        if (webConfig is not null)
        {
            start.ArgumentList.Add("--web.config.file=" + webConfig);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new PrometheusServer(directory, process, address);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            server.WaitUntilReady();
        }
        catch
        {
            server.Kill();
            process.Dispose();
            throw;
        }

        return server;
    }

    private void WaitUntilReady()
    {
        // Readiness only: whether the certificate is trusted is what the tests themselves check.
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(1) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"prometheus exited with {process.ExitCode}: {Log}");
            }

            try
            {
                using var response = http.GetAsync(new Uri(Address, "-/ready")).GetAwaiter().GetResult();
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException($"prometheus was not ready within 30 s: {Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
