using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class RetryWithoutTimeoutAnalyzerTests
{
    private static Task VerifyAsync(string source)
        => AnalyzerVerifier<RetryWithoutTimeoutAnalyzer>.VerifyAsync(source);

    [Test]
    public Task A_chain_that_retries_without_a_timeout_is_reported()
        => VerifyAsync("""
            using System.Net.Http;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Plain() => new ResiliencePipelineBuilder()
                    .{|GR2006:AddRetry|}(new RetryStrategyOptions())
                    .Build();

                ResiliencePipeline<HttpResponseMessage> Typed() => new ResiliencePipelineBuilder<HttpResponseMessage>()
                    .{|GR2006:AddRetry|}(new RetryStrategyOptions<HttpResponseMessage>())
                    .Build();

                readonly System.Action<ResiliencePipelineBuilder> configure =
                    builder => builder.{|GR2006:AddRetry|}(new RetryStrategyOptions());

                void Statements()
                {
                    var builder = new ResiliencePipelineBuilder();
                    builder.{|GR2006:AddRetry|}(new RetryStrategyOptions());
                    var other = new ResiliencePipelineBuilder();
                    other.AddTimeout(System.TimeSpan.FromSeconds(1));
                }
            }
            """);

    [Test]
    public Task A_timeout_in_the_chain_or_on_the_same_builder_is_not_reported()
        => VerifyAsync("""
            using System;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline AttemptTimeout() => new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions())
                    .AddTimeout(TimeSpan.FromSeconds(2))
                    .Build();

                ResiliencePipeline TotalTimeout() => new ResiliencePipelineBuilder()
                    .AddTimeout(TimeSpan.FromSeconds(10))
                    .AddRetry(new RetryStrategyOptions())
                    .Build();

                ResiliencePipeline SameBuilder()
                {
                    var builder = new ResiliencePipelineBuilder();
                    builder.AddRetry(new RetryStrategyOptions());
                    builder.AddTimeout(TimeSpan.FromSeconds(2));
                    return builder.Build();
                }

                ResiliencePipeline StoredChain()
                {
                    var builder = new ResiliencePipelineBuilder().AddTimeout(TimeSpan.FromSeconds(10));
                    builder.AddRetry(new RetryStrategyOptions());
                    return builder.Build();
                }

                readonly Action<ResiliencePipelineBuilder> configure =
                    builder => builder.AddRetry(new RetryStrategyOptions()).AddTimeout(TimeSpan.FromSeconds(1));

                // The caller composes the pipeline and may add the timeout with a sibling helper.
                static void ConfigureRetry(ResiliencePipelineBuilder builder, int attempts)
                    => builder.AddRetry(new RetryStrategyOptions { MaxRetryAttempts = attempts });
            }
            """);
}
