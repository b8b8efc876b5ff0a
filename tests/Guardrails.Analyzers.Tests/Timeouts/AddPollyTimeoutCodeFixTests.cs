using System.Threading.Tasks;
using Guardrails.Analyzers.CodeFixes.Timeouts;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class AddPollyTimeoutCodeFixTests
{
    [Test]
    public Task A_timeout_is_added_on_its_own_line_after_the_retry()
        => CodeFixVerifier<RetryWithoutTimeoutAnalyzer, AddPollyTimeoutCodeFix>.VerifyAsync(
            """
            using System;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Create() => new ResiliencePipelineBuilder()
                    .{|GR2006:AddRetry|}(new RetryStrategyOptions { MaxRetryAttempts = 3 })
                    .Build();
            }
            """,
            """
            using System;
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Create() => new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3 })
                    .AddTimeout(TimeSpan.FromSeconds(30))
                    .Build();
            }
            """);

    [Test]
    public Task A_statement_on_a_builder_variable_gets_the_configured_timeout()
        => CodeFixVerifier<RetryWithoutTimeoutAnalyzer, AddPollyTimeoutCodeFix>.VerifyAsync(
            """
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Create()
                {
                    var builder = new ResiliencePipelineBuilder();
                    builder.{|GR2006:AddRetry|}(new RetryStrategyOptions());
                    return builder.Build();
                }
            }
            """,
            """
            using Polly;
            using Polly.Retry;

            class Pipelines
            {
                ResiliencePipeline Create()
                {
                    var builder = new ResiliencePipelineBuilder();
                    builder.AddRetry(new RetryStrategyOptions()).AddTimeout(System.TimeSpan.FromMilliseconds(2500));
                    return builder.Build();
                }
            }
            """,
            editorConfig: "guardrails.default_timeout = 00:00:02.5");

    [Test]
    public Task Fix_all_adds_a_timeout_to_every_retry_pipeline_across_documents()
        => CodeFixVerifier<RetryWithoutTimeoutAnalyzer, AddPollyTimeoutCodeFix>.VerifyFixAllAsync(
            [
                """
                using Polly;
                using Polly.Retry;

                class Orders
                {
                    ResiliencePipeline Reads() => new ResiliencePipelineBuilder()
                        .{|GR2006:AddRetry|}(new RetryStrategyOptions { MaxRetryAttempts = 3 })
                        .Build();

                    ResiliencePipeline Writes() => new ResiliencePipelineBuilder()
                        .{|GR2006:AddRetry|}(new RetryStrategyOptions { MaxRetryAttempts = 1 })
                        .Build();
                }
                """,
                """
                using Polly;
                using Polly.Retry;

                class Payments
                {
                    ResiliencePipeline Create() => new ResiliencePipelineBuilder()
                        .{|GR2006:AddRetry|}(new RetryStrategyOptions())
                        .Build();
                }
                """,
            ],
            [
                """
                using Polly;
                using Polly.Retry;

                class Orders
                {
                    ResiliencePipeline Reads() => new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 3 })
                        .AddTimeout(System.TimeSpan.FromSeconds(30))
                        .Build();

                    ResiliencePipeline Writes() => new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions { MaxRetryAttempts = 1 })
                        .AddTimeout(System.TimeSpan.FromSeconds(30))
                        .Build();
                }
                """,
                """
                using Polly;
                using Polly.Retry;

                class Payments
                {
                    ResiliencePipeline Create() => new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions())
                        .AddTimeout(System.TimeSpan.FromSeconds(30))
                        .Build();
                }
                """,
            ]);
}
