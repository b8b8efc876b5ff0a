using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    Guardrails.Analyzers.Retries.RetryLoopAnalyzer,
    Guardrails.Analyzers.CodeFixes.Retries.RetryLoopToPollyCodeFixProvider>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// Fix All on a type with two retry loops, the shape `dotnet format analyzers` met in a consumer: a linear backoff
/// counted from attempt 0 (<c>200 * (attempt + 1)</c>) and an exponential one in a <c>while</c> loop. The verifier
/// applies the fix one loop at a time and through Fix All in document, project and solution; every result must be
/// the same and compile without warnings, with each operation's token handed to its call. Across documents, Fix All
/// in project and solution fixes every document, and with the static pipeline option shares one field per type,
/// even between the parts of a partial type.
/// </summary>
[TestFixture]
public sealed class RetryFixAllTests
{
    private const string InventoryClient = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        internal sealed class InventoryClient
        {
            private readonly HttpClient http;

            internal InventoryClient(HttpClient http) => this.http = http;

            internal async Task<string> GetStockAsync(string sku, CancellationToken cancellationToken)
            {
                {|GR1001:for|} (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        return await http.GetStringAsync(new Uri("https://inventory.example/stock/" + sku), cancellationToken);
                    }
                    catch (HttpRequestException) when (attempt < 3)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
                    }
                }
            }

            internal async Task<string> GetPriceAsync(string sku, CancellationToken cancellationToken)
            {
                var attempt = 0;
                {|GR1001:while|} (true)
                {
                    try
                    {
                        return await http.GetStringAsync(new Uri("https://inventory.example/price/" + sku), cancellationToken);
                    }
                    catch (HttpRequestException) when (attempt < 5)
                    {
                        attempt++;
                        await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
                    }
                }
            }
        }
        """;

    private const string FixedInventoryClient = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        internal sealed class InventoryClient
        {
            private readonly HttpClient http;

            internal InventoryClient(HttpClient http) => this.http = http;

            internal async Task<string> GetStockAsync(string sku, CancellationToken cancellationToken)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                        MaxRetryAttempts = 3,
                        Delay = TimeSpan.FromMilliseconds(200),
                        BackoffType = DelayBackoffType.Linear,
                    })
                    .Build();
                return await pipeline.ExecuteAsync(async token => await http.GetStringAsync(new Uri("https://inventory.example/stock/" + sku), token), cancellationToken);
            }

            internal async Task<string> GetPriceAsync(string sku, CancellationToken cancellationToken)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                        MaxRetryAttempts = 5,
                        Delay = TimeSpan.FromSeconds(2),
                        BackoffType = DelayBackoffType.Exponential,
                    })
                    .Build();
                return await pipeline.ExecuteAsync(async token => await http.GetStringAsync(new Uri("https://inventory.example/price/" + sku), token), cancellationToken);
            }
        }
        """;

    private const string InventoryClientWithStaticPipelines = """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using Polly;
        using Polly.Retry;

        internal sealed class InventoryClient
        {
            private readonly HttpClient http;

            internal InventoryClient(HttpClient http) => this.http = http;

            private static readonly ResiliencePipeline RetryPipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                    MaxRetryAttempts = 3,
                    Delay = TimeSpan.FromMilliseconds(200),
                    BackoffType = DelayBackoffType.Linear,
                })
                .Build();

            internal async Task<string> GetStockAsync(string sku, CancellationToken cancellationToken)
            {
                return await RetryPipeline.ExecuteAsync(async token => await http.GetStringAsync(new Uri("https://inventory.example/stock/" + sku), token), cancellationToken);
            }

            private static readonly ResiliencePipeline RetryPipeline2 = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
                    MaxRetryAttempts = 5,
                    Delay = TimeSpan.FromSeconds(2),
                    BackoffType = DelayBackoffType.Exponential,
                })
                .Build();

            internal async Task<string> GetPriceAsync(string sku, CancellationToken cancellationToken)
            {
                return await RetryPipeline2.ExecuteAsync(async token => await http.GetStringAsync(new Uri("https://inventory.example/price/" + sku), token), cancellationToken);
            }
        }
        """;

    /// <summary>A second document: two loops of one type with the same settings, and synchronous calls.</summary>
    private const string Ledger = """
        using System.IO;
        using System.Threading;

        internal sealed class Ledger
        {
            internal void Append(string path, string line)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        File.AppendAllText(path, line);
                        return;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(100 * attempt);
                    }
                }
            }

            internal void Clear(string path)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        File.WriteAllText(path, string.Empty);
                        return;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(100 * attempt);
                    }
                }
            }
        }
        """;

    private const string LedgerWithLocalPipelines = """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        internal sealed class Ledger
        {
            internal void Append(string path, string line)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(100),
                        BackoffType = DelayBackoffType.Linear,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    File.AppendAllText(path, line);
                });
            }

            internal void Clear(string path)
            {
                var pipeline = new ResiliencePipelineBuilder()
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                        MaxRetryAttempts = 2,
                        Delay = TimeSpan.FromMilliseconds(100),
                        BackoffType = DelayBackoffType.Linear,
                    })
                    .Build();
                pipeline.Execute(() =>
                {
                    File.WriteAllText(path, string.Empty);
                });
            }
        }
        """;

    private const string LedgerWithStaticPipeline = """
        using System;
        using System.IO;
        using System.Threading;
        using Polly;
        using Polly.Retry;

        internal sealed class Ledger
        {
            private static readonly ResiliencePipeline RetryPipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                    MaxRetryAttempts = 2,
                    Delay = TimeSpan.FromMilliseconds(100),
                    BackoffType = DelayBackoffType.Linear,
                })
                .Build();

            internal void Append(string path, string line)
            {
                RetryPipeline.Execute(() =>
                {
                    File.AppendAllText(path, line);
                });
            }

            internal void Clear(string path)
            {
                RetryPipeline.Execute(() =>
                {
                    File.WriteAllText(path, string.Empty);
                });
            }
        }
        """;

    private const string StaticFieldOption = "guardrails.retry.code_fix_pipeline = static_field";

    [Test]
    public Task Fix_all_rewrites_both_retry_loops_of_one_type_and_hands_each_call_the_pipeline_token() =>
        Verify.VerifyAsync(InventoryClient, FixedInventoryClient);

    [Test]
    public Task With_the_static_field_option_fix_all_gives_each_distinct_pipeline_of_the_type_its_own_field() =>
        Verify.VerifyAsync(InventoryClient, InventoryClientWithStaticPipelines, editorConfig: StaticFieldOption);

    [Test]
    public Task Fix_all_in_project_and_solution_fixes_every_document_and_shares_one_static_pipeline_per_type() =>
        Verify.VerifyFixAllAsync(
            [InventoryClient, Ledger],
            [InventoryClientWithStaticPipelines, LedgerWithStaticPipeline],
            StaticFieldOption);

    [Test]
    public Task Fix_all_in_project_and_solution_fixes_every_document_with_local_pipelines_by_default() =>
        Verify.VerifyFixAllAsync(
            [InventoryClient, Ledger],
            [FixedInventoryClient, LedgerWithLocalPipelines]);

    [Test]
    public Task Fix_all_shares_one_static_pipeline_between_the_parts_of_a_partial_type_in_two_documents() =>
        Verify.VerifyFixAllAsync(
            [PartialJournal("Append", "File.AppendAllText(path, text)"), PartialJournal("Replace", "File.WriteAllText(path, text)")],
            [
                """
                using System;
                using System.IO;
                using System.Threading;
                using Polly;
                using Polly.Retry;

                internal sealed partial class Journal
                {
                    private static readonly ResiliencePipeline RetryPipeline = new ResiliencePipelineBuilder()
                        .AddRetry(new RetryStrategyOptions
                        {
                            ShouldHandle = new PredicateBuilder().Handle<IOException>(),
                            MaxRetryAttempts = 2,
                            Delay = TimeSpan.FromMilliseconds(100),
                            BackoffType = DelayBackoffType.Constant,
                        })
                        .Build();

                    internal void Append(string path, string text)
                    {
                        RetryPipeline.Execute(() =>
                        {
                            File.AppendAllText(path, text);
                        });
                    }
                }
                """,
                """
                using System.IO;
                using System.Threading;

                internal sealed partial class Journal
                {
                    internal void Replace(string path, string text)
                    {
                        RetryPipeline.Execute(() =>
                        {
                            File.WriteAllText(path, text);
                        });
                    }
                }
                """,
            ],
            StaticFieldOption);

    /// <summary>One part of a partial type: a retry loop whose settings every part shares.</summary>
    private static string PartialJournal(string method, string call) => $$"""
        using System.IO;
        using System.Threading;

        internal sealed partial class Journal
        {
            internal void {{method}}(string path, string text)
            {
                {|GR1001:for|} (var attempt = 1; attempt <= 3; attempt++)
                {
                    try
                    {
                        {{call}};
                        return;
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        Thread.Sleep(100);
                    }
                }
            }
        }
        """;
}
