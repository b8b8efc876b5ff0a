using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Cli.Tests.Flags;

/// <summary>
/// The kill switch's LaunchDarkly requests, received by a local HTTP listener playing LaunchDarkly: the documented
/// semantic patch (PATCH /api/v2/flags/{project}/{flag}, content type
/// <c>application/json; domain-model=launchdarkly.semanticpatch</c>, body with <c>environmentKey</c> and a
/// <c>turnFlagOff</c> instruction, the access token as the bare Authorization header), sent only when the flag is on.
/// </summary>
[NonParallelizable]
public sealed class LaunchDarklyKillSwitchTests
{
    private const string Token = "api-0123456789abcdef-test-token";

    [Test]
    public async Task A_flag_on_is_turned_off_with_the_documented_semantic_patch()
    {
        using var launchDarkly = new FakeLaunchDarkly(isOn: true);

        var run = await Task.Run(() => FlagsRun.Off(Token, "--provider", "launchdarkly", "--url", launchDarkly.Address, "--project", "shop", "--flag", "new-checkout", "--environment", "production"));

        var patch = launchDarkly.Requests.Find(request => request.Method == "PATCH");
        Assert.That(patch, Is.Not.Null, run.ToString());
        using var body = JsonDocument.Parse(patch!.Body);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("launchdarkly flag 'new-checkout' in project 'shop', environment 'production': turned off"));
            Assert.That(launchDarkly.Requests[0].Method + " " + launchDarkly.Requests[0].Path, Is.EqualTo("GET /api/v2/flags/shop/new-checkout?env=production"));
            Assert.That(patch.Path, Is.EqualTo("/api/v2/flags/shop/new-checkout"));
            Assert.That(patch.ContentType, Is.EqualTo("application/json; domain-model=launchdarkly.semanticpatch"));
            Assert.That(patch.Authorization, Is.EqualTo(Token), "LaunchDarkly takes the access token without a scheme");
            Assert.That(body.RootElement.GetProperty("environmentKey").GetString(), Is.EqualTo("production"));
            Assert.That(body.RootElement.GetProperty("instructions").GetArrayLength(), Is.EqualTo(1));
            Assert.That(body.RootElement.GetProperty("instructions")[0].GetProperty("kind").GetString(), Is.EqualTo("turnFlagOff"));
            Assert.That(run.ToString(), Does.Not.Contain(Token));
        });
    }

    [Test]
    public async Task A_flag_already_off_is_left_alone_and_succeeds()
    {
        using var launchDarkly = new FakeLaunchDarkly(isOn: false);

        var run = await Task.Run(() => FlagsRun.Off(Token, "--provider", "launchdarkly", "--url", launchDarkly.Address, "--project", "shop", "--flag", "new-checkout", "--environment", "production"));

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Output, Does.Contain("already off"));
            Assert.That(launchDarkly.Requests.ConvertAll(request => request.Method), Is.EqualTo(new List<string> { "GET" }), "no patch for a flag that is off");
        });
    }

    [Test]
    public void Without_the_token_variable_nothing_is_sent()
    {
        var run = FlagsRun.Off(string.Empty, "--provider", "launchdarkly", "--url", "http://127.0.0.1:9/", "--flag", "new-checkout", "--environment", "production");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Errors, Does.Contain($"--token-env names {FlagsRun.TokenVariable}, which is not set or empty"));
        });
    }

    private sealed record ReceivedRequest(string Method, string Path, string? ContentType, string? Authorization, string Body);

    /// <summary>Answers as LaunchDarkly does: the flag with its environment's <c>on</c>, and 200 to the patch.</summary>
    private sealed class FakeLaunchDarkly : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly bool isOn;
        private readonly CancellationTokenSource stop = new();
        private readonly Task serving;

        public FakeLaunchDarkly(bool isOn)
        {
            this.isOn = isOn;
            var port = FreePort();
            Address = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Add(Address);
            listener.Start();
            serving = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public List<ReceivedRequest> Requests { get; } = [];

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            listener.Close();
            try
            {
                serving.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener stopped under a pending GetContextAsync.
            }

            stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (Requests)
                {
                    Requests.Add(new ReceivedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, context.Request.ContentType, context.Request.Headers["Authorization"], body));
                }

                var on = isOn && context.Request.HttpMethod == "GET" ? "true" : "false";
                var answer = "{\"key\":\"new-checkout\",\"environments\":{\"production\":{\"on\":" + on + "}}}";
                var bytes = Encoding.UTF8.GetBytes(answer);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            var port = ((IPEndPoint)socket.LocalEndpoint).Port;
            socket.Stop();
            return port;
        }
    }
}
