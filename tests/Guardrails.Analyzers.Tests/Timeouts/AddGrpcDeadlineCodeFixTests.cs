using System.Threading.Tasks;
using Guardrails.Analyzers.CodeFixes.Timeouts;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class AddGrpcDeadlineCodeFixTests
{
    private static Task VerifyAsync(string source, string fixedSource)
        => CodeFixVerifier<GrpcCallWithoutDeadlineAnalyzer, AddGrpcDeadlineCodeFix>.VerifyAsync(
            source + GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient,
            fixedSource + GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient);

    [Test]
    public Task A_deadline_argument_is_added()
        => VerifyAsync(
            """
            using System;

            class Caller
            {
                HelloReply Call(GreeterClient client) => client.{|GR2004:SayHello|}(new HelloRequest());
            }

            """,
            """
            using System;

            class Caller
            {
                HelloReply Call(GreeterClient client) => client.SayHello(new HelloRequest(), deadline: DateTime.UtcNow.Add(TimeSpan.FromSeconds(30)));
            }

            """);

    [Test]
    public Task A_null_deadline_is_replaced_and_inline_call_options_get_one()
        => VerifyAsync(
            """
            using Grpc.Core;

            class Caller
            {
                void Call(GreeterClient client)
                {
                    _ = client.{|GR2004:SayHello|}(new HelloRequest(), null, null);
                    _ = client.{|GR2004:SayHello|}(new HelloRequest(), new CallOptions());
                }
            }

            """,
            """
            using Grpc.Core;

            class Caller
            {
                void Call(GreeterClient client)
                {
                    _ = client.SayHello(new HelloRequest(), null, System.DateTime.UtcNow.Add(System.TimeSpan.FromSeconds(30)));
                    _ = client.SayHello(new HelloRequest(), new CallOptions(deadline: System.DateTime.UtcNow.Add(System.TimeSpan.FromSeconds(30))));
                }
            }

            """);

    [Test]
    public Task Fix_all_adds_a_deadline_to_every_call_across_documents()
        => CodeFixVerifier<GrpcCallWithoutDeadlineAnalyzer, AddGrpcDeadlineCodeFix>.VerifyFixAllAsync(
            [
                """
                using System;
                using System.Threading.Tasks;

                class Greetings
                {
                    HelloReply Once(GreeterClient client) => client.{|GR2004:SayHello|}(new HelloRequest());

                    async Task<HelloReply> LaterAsync(GreeterClient client) => await client.{|GR2004:SayHelloAsync|}(new HelloRequest());
                }
                """,
                """
                using System;

                class Welcome
                {
                    HelloReply Run(GreeterClient client) => client.{|GR2004:SayHello|}(new HelloRequest());
                }
                """,
                GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient,
            ],
            [
                """
                using System;
                using System.Threading.Tasks;

                class Greetings
                {
                    HelloReply Once(GreeterClient client) => client.SayHello(new HelloRequest(), deadline: DateTime.UtcNow.Add(TimeSpan.FromSeconds(30)));

                    async Task<HelloReply> LaterAsync(GreeterClient client) => await client.SayHelloAsync(new HelloRequest(), deadline: DateTime.UtcNow.Add(TimeSpan.FromSeconds(30)));
                }
                """,
                """
                using System;

                class Welcome
                {
                    HelloReply Run(GreeterClient client) => client.SayHello(new HelloRequest(), deadline: DateTime.UtcNow.Add(TimeSpan.FromSeconds(30)));
                }
                """,
                GrpcCallWithoutDeadlineAnalyzerTests.GreeterClient,
            ]);
}
