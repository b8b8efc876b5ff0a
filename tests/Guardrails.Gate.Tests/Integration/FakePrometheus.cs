using System;
using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>
/// An HTTP server on 127.0.0.1 that misbehaves on purpose (answers slowly, returns garbage or errors),
/// for the failures a real Prometheus does not produce on demand. Each request gets the scripted answer
/// for its number (1-based); the last answer repeats.
/// </summary>
internal sealed class FakePrometheus : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<int, FakeAnswer> answers;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private int requests;

    public FakePrometheus(Func<int, FakeAnswer> answers)
    {
        this.answers = answers;
        var port = FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Address.ToString());
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public Uri Address { get; }

    public int Requests => Volatile.Read(ref requests);

    public ConcurrentQueue<string?> AuthorizationHeaders { get; } = new();

    /// <summary>The PromQL of every request, in arrival order.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    public static string Vector(double value) =>
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1700000000," + "\"" + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"]}]}}";

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
            // The listener was closed under a pending GetContextAsync; that is how it stops.
        }

        stopping.Dispose();
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
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var number = Interlocked.Increment(ref requests);
        AuthorizationHeaders.Enqueue(context.Request.Headers["Authorization"]);
        Queries.Enqueue(context.Request.QueryString["query"] ?? string.Empty);
        var answer = answers(number);
        try
        {
            await Task.Delay(answer.Delay, stopping.Token);
            if (answer.DropsConnection)
            {
                // Promise a long body, send a little of it, then cut the connection.
                context.Response.ContentLength64 = 10_000;
                await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes("{\"status\":"), stopping.Token);
                await context.Response.OutputStream.FlushAsync(stopping.Token);
                context.Response.Abort();
                return;
            }

            var body = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(body, stopping.Token);
            context.Response.Close();
        }
        catch (Exception exception) when (exception is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }
}

internal sealed record FakeAnswer(int Status, string Body, TimeSpan Delay, bool DropsConnection = false)
{
    public static FakeAnswer Dropped { get; } = new(200, string.Empty, TimeSpan.Zero, DropsConnection: true);

    public static FakeAnswer Ok(double value) => new(200, FakePrometheus.Vector(value), TimeSpan.Zero);
}
