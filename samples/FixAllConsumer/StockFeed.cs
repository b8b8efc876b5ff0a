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

    public async Task<Socket> OpenAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        cancellationToken.ThrowIfCancellationRequested();
        return socket;
    }

    public void Publish(CancellationToken cancellationToken)
    {
        gate.Wait();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            gate.Release();
        }
    }
}
