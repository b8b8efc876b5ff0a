using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Grpc.Core;

namespace FixAllConsumer;

/// <summary>A gRPC call with no deadline (GR2004).</summary>
public sealed class PriceLookup
{
    private readonly PricesClient client;

    public PriceLookup(PricesClient client) => this.client = client;

    // No token parameter here: with one in scope, the SDK's CA2016 reports the call instead of GR2004.
    public async Task<string> LookupAsync(string sku) => await client.LookupAsync(sku);
}

/// <summary>A client in the shape protoc's C# plugin generates, written out so the sample needs no .proto build.</summary>
public sealed class PricesClient : ClientBase<PricesClient>
{
    private static readonly Marshaller<string> Utf8 = Marshallers.Create(Encoding.UTF8.GetBytes, Encoding.UTF8.GetString);

    private static readonly Method<string, string> Lookup = new(MethodType.Unary, "prices.Prices", "Lookup", Utf8, Utf8);

    public PricesClient(CallInvoker callInvoker)
        : base(callInvoker)
    {
    }

    private PricesClient(ClientBaseConfiguration configuration)
        : base(configuration)
    {
    }

    public AsyncUnaryCall<string> LookupAsync(string sku, Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
        => CallInvoker.AsyncUnaryCall(Lookup, null, new CallOptions(headers, deadline, cancellationToken), sku);

    protected override PricesClient NewInstance(ClientBaseConfiguration configuration) => new(configuration);
}
