using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class GrpcCallWithoutDeadlineAnalyzerTests
{
    /// <summary>The shape protoc's C# plugin generates for a unary method, over the real Grpc.Core.Api.</summary>
    internal const string GreeterClient = """
        internal class HelloRequest { }
        internal class HelloReply { }

        internal class GreeterClient : Grpc.Core.ClientBase<GreeterClient>
        {
            public GreeterClient(Grpc.Core.CallInvoker callInvoker) : base(callInvoker) { }
            protected GreeterClient(ClientBaseConfiguration configuration) : base(configuration) { }
            protected override GreeterClient NewInstance(ClientBaseConfiguration configuration) => new GreeterClient(configuration);

            public virtual HelloReply SayHello(HelloRequest request, Grpc.Core.Metadata headers = null, System.DateTime? deadline = null, System.Threading.CancellationToken cancellationToken = default)
                => SayHello(request, new Grpc.Core.CallOptions(headers, deadline, cancellationToken));
            public virtual HelloReply SayHello(HelloRequest request, Grpc.Core.CallOptions options) => throw new System.NotSupportedException();
            public virtual Grpc.Core.AsyncUnaryCall<HelloReply> SayHelloAsync(HelloRequest request, Grpc.Core.Metadata headers = null, System.DateTime? deadline = null, System.Threading.CancellationToken cancellationToken = default)
                => throw new System.NotSupportedException();
        }
        """;

    private static Task VerifyAsync(string source)
        => AnalyzerVerifier<GrpcCallWithoutDeadlineAnalyzer>.VerifyAsync(source + GreeterClient);

    [Test]
    public Task Calls_without_deadline_or_token_are_reported()
        => VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;
            using Grpc.Core;

            class Caller
            {
                async Task<HelloReply> CallAsync(GreeterClient client)
                {
                    _ = client.{|GR2004:SayHello|}(new HelloRequest());
                    _ = client.{|GR2004:SayHello|}(new HelloRequest(), deadline: null, cancellationToken: CancellationToken.None);
                    _ = client.{|GR2004:SayHello|}(new HelloRequest(), new CallOptions());
                    return await client.{|GR2004:SayHelloAsync|}(new HelloRequest());
                }
            }

            """);

    [Test]
    public Task Calls_with_a_deadline_a_token_or_options_from_elsewhere_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;
            using Grpc.Core;

            class Caller
            {
                private readonly CancellationTokenSource stopping = new();

                async Task<HelloReply> CallAsync(GreeterClient client, CallOptions options)
                {
                    _ = client.SayHello(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                    _ = client.SayHello(new HelloRequest(), cancellationToken: stopping.Token);
                    _ = client.SayHello(new HelloRequest(), options);
                    _ = client.SayHello(new HelloRequest(), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(5)));
                    return await client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                }

                Task<HelloReply> ForwardAsync(GreeterClient client, CancellationToken cancellationToken)
                    => client.SayHelloAsync(new HelloRequest()).ResponseAsync;
            }

            """);
}
