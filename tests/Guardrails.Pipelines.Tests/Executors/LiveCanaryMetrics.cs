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
/// share: whatever moves traffic (the script adapter's route command, the kubectl stand-in's canary weight)
/// writes the percentage to <see cref="TrafficFile"/>, and the
/// canary then receives that share of <see cref="RequestsPerSecond"/>, failing the share of them that
/// <c>errorRatio(percent)</c> says. Every series carries <c>service</c>; the canary's also carry the given
/// canary labels (what the gate's selector matches), the stable's <c>track="stable"</c>. The data is known
/// exactly; only its arrival is live.
/// </summary>
internal sealed class LiveCanaryMetrics : IDisposable
{
    public const double RequestsPerSecond = 200;

    private readonly HttpListener listener = new();
    private readonly Func<int, double> errorRatio;
    private readonly double canaryShare;
    private readonly string canaryLabels;
    private readonly object gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private DateTimeOffset last = DateTimeOffset.UtcNow;
    private double canaryOk;
    private double canaryErrors;
    private double stableOk;
    private double stableErrors;

    /// <param name="errorRatio">The canary's share of failed requests at a traffic percentage.</param>
    /// <param name="canaryShare">1 for a canary that receives its share; 0 for one that receives nothing.</param>
    /// <param name="canaryLabels">The labels of the canary's series besides <c>service</c> and <c>code</c>.</param>
    public LiveCanaryMetrics(string service, string trafficFile, Func<int, double> errorRatio, double canaryShare, IReadOnlyList<KeyValuePair<string, string>> canaryLabels)
    {
        Service = service;
        TrafficFile = trafficFile;
        this.errorRatio = errorRatio;
        this.canaryShare = canaryShare;
        this.canaryLabels = string.Concat(canaryLabels.Where(label => label.Key is not ("service" or "code")).Select(label => $"{label.Key}=\"{label.Value}\","));
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public string Service { get; }

    public string TrafficFile { get; }

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

    private string Render()
    {
        lock (gate)
        {
            var now = DateTimeOffset.UtcNow;
            var seconds = (now - last).TotalSeconds;
            last = now;
            var percent = CurrentPercent();
            var canary = RequestsPerSecond * percent / 100 * canaryShare * seconds;
            var ratio = errorRatio(percent);
            canaryOk += canary * (1 - ratio);
            canaryErrors += canary * ratio;
            var stable = RequestsPerSecond * seconds - canary;
            stableOk += stable * 0.9995;
            stableErrors += stable * 0.0005;
            var text = new StringBuilder("# TYPE http_requests_total counter\n");
            void Line(string labels, string code, double value) =>
                text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{Service}\",{labels}code=\"{code}\"}} {value:0.####}\n");
            Line(canaryLabels, "200", canaryOk);
            Line(canaryLabels, "500", canaryErrors);
            Line("track=\"stable\",", "200", stableOk);
            Line("track=\"stable\",", "500", stableErrors);
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
