using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace FixAllConsumer;

/// <summary>A connect (GR2003) and a wait (GR2001) with no bound, and a Polly retry without a timeout (GR2006).</summary>
public sealed class StockFeed
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions())
        .Build();

    // No token parameters here: with one in scope, the SDK's CA2016 reports these calls instead of GR2003/GR2001.
    public async Task<Socket> OpenAsync(EndPoint endPoint)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        return socket;
    }

    public void Publish(Action send)
    {
        gate.Wait();
        try
        {
            send();
        }
        finally
        {
            gate.Release();
        }
    }
}
