using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// A service's request counters served on 127.0.0.1 for Prometheus to scrape, driven by the canary's traffic
/// share: whatever deploys (the script adapter's deploy command, the kubectl stand-in's apply) writes the version
/// it deploys to <see cref="VersionFile"/>, and whatever moves traffic (the route command, the stand-in's canary
/// weight) the percentage to <see cref="TrafficFile"/>; the canary then receives that share of
/// <see cref="RequestsPerSecond"/>, failing the share of them that <c>errorRatio(version, percent)</c> says.
/// Every series carries <c>service</c>; the canary's also carry the given canary labels (what the gate's selector
/// matches) and <c>version="&lt;version&gt;"</c>, each version its own series as a real service's pods would; the
/// stable's carry <c>track="stable"</c>. The data is known exactly; only its arrival is live.
/// </summary>
internal sealed class LiveCanaryMetrics : IDisposable
{
    public const double RequestsPerSecond = 200;

    private readonly HttpListener listener = new();
    private readonly Func<string, int, double> errorRatio;
    private readonly double canaryShare;
    private readonly string canaryLabels;
    private readonly object gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private DateTimeOffset last = DateTimeOffset.UtcNow;
    private readonly Dictionary<string, (double Ok, double Errors)> canary = new(StringComparer.Ordinal);
    private double stableOk;
    private double stableErrors;

    /// <param name="errorRatio">The canary's share of failed requests for a version at a traffic percentage.</param>
    /// <param name="canaryShare">1 for a canary that receives its share; 0 for one that receives nothing.</param>
    /// <param name="canaryLabels">The labels of the canary's series besides <c>service</c>, <c>version</c> and <c>code</c>.</param>
    public LiveCanaryMetrics(string service, string trafficFile, string versionFile, Func<string, int, double> errorRatio, double canaryShare, IReadOnlyList<KeyValuePair<string, string>> canaryLabels)
    {
        Service = service;
        TrafficFile = trafficFile;
        VersionFile = versionFile;
        this.errorRatio = errorRatio;
        this.canaryShare = canaryShare;
        this.canaryLabels = string.Concat(canaryLabels.Where(label => label.Key is not ("service" or "version" or "code")).Select(label => $"{label.Key}=\"{label.Value}\","));
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Service { get; }

    public string TrafficFile { get; }

    public string VersionFile { get; }

    public int Port { get; }

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        try
        {
            serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync.
        }

        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private int CurrentPercent()
    {
        try
        {
            return int.Parse(File.ReadAllText(TrafficFile).Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>The version the last deploy wrote, or null before any deploy.</summary>
    private string? CurrentVersion()
    {
        try
        {
            var version = File.ReadAllText(VersionFile).Trim();
            return version.Length > 0 ? version : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string Render()
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            var seconds = (now - last).TotalSeconds;
            last = now;
            var version = CurrentVersion();
            var percent = version is null ? 0 : CurrentPercent();
            var served = RequestsPerSecond * percent / 100 * canaryShare * seconds;
            if (version is not null)
            {
                var ratio = errorRatio(version, percent);
                var (ok, errors) = canary.GetValueOrDefault(version);
                canary[version] = (ok + (served * (1 - ratio)), errors + (served * ratio));
            }

            var stable = RequestsPerSecond * seconds - served;
            stableOk += stable * 0.9995;
            stableErrors += stable * 0.0005;
            var text = new StringBuilder("# TYPE http_requests_total counter\n");
            void Line(string labels, string code, double value) =>
                text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{Service}\",{labels}code=\"{code}\"}} {value:0.####}\n");
            foreach (var (canaryVersion, (ok, errors)) in canary)
            {
                Line($"{canaryLabels}version=\"{canaryVersion}\",", "200", ok);
                Line($"{canaryLabels}version=\"{canaryVersion}\",", "500", errors);
            }

            Line("track=\"stable\",version=\"stable\",", "200", stableOk);
            Line("track=\"stable\",version=\"stable\",", "500", stableErrors);
            return text.ToString();
        }
    }

    private async Task ServeAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes(Render());
            context.Response.ContentType = "text/plain; version=0.0.4";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }
}
