using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RecursiveRetryAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

[TestFixture]
public sealed class RecursiveRetryAnalyzerTests
{
    [Test]
    public Task A_method_calling_itself_from_its_catch_with_one_retry_less_is_a_recursive_retry() => Verify.VerifyAsync("""
        using System.IO;
        using System.Threading;

        class C
        {
            void Connect(string host, int retries)
            {
                try
                {
                    Open(host);
                }
                catch (IOException) when (retries > 0)
                {
                    Thread.Sleep(1000);
                    {|#0:Connect(host, retries - 1)|};
                }
            }

            void Open(string host) { }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments("Connect", "from its catch block after catching IOException", "attempts limited by 'retries > 0', fixed delay 1000", ""));

    [Test]
    public Task An_async_http_download_retrying_itself_with_attempt_plus_one_is_a_recursive_retry() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class C
        {
            private readonly HttpClient _http = new();

            async Task<string> DownloadAsync(Uri uri, int attempt = 0)
            {
                try
                {
                    return await _http.GetStringAsync(uri);
                }
                catch (HttpRequestException)
                {
                    if (attempt >= 3)
                    {
                        throw;
                    }

                    await Task.Delay(1000 * (attempt + 1));
                    return await {|#0:DownloadAsync(uri, attempt + 1)|};
                }
            }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments(
            "DownloadAsync",
            "from its catch block after catching HttpRequestException",
            "attempts limited by 'attempt >= 3', linear backoff 1000 * (attempt + 1)",
            " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"));

    [Test]
    public Task Recursion_over_other_data_from_a_catch_is_not_a_retry() => Verify.VerifyAsync("""
        using System;
        using System.IO;

        class C
        {
            void Walk(string directory)
            {
                try
                {
                    Directory.GetFiles(directory);
                }
                catch (UnauthorizedAccessException)
                {
                    Walk(Path.GetDirectoryName(directory)!);
                }
            }

            void Outside(string value)
            {
                Outside(value);
            }
        }
        """);

    [Test]
    public Task A_lambda_in_the_catch_is_not_the_method_itself() => Verify.VerifyAsync("""
        using System;
        using System.IO;

        class C
        {
            void Save(string path)
            {
                try
                {
                    File.WriteAllText(path, "x");
                }
                catch (IOException)
                {
                    Action later = () => Save(path);
                    GC.KeepAlive(later);
                }
            }
        }
        """);

    [Test]
    public Task A_method_calling_itself_after_an_unsuccessful_status_with_a_counter_is_a_recursive_retry() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        class Catalogue
        {
            private readonly HttpClient _http = new();

            async Task<string> FetchAsync(string url, int retries = 3)
            {
                var response = await _http.GetAsync(url);
                if (!response.IsSuccessStatusCode && retries > 0)
                {
                    await Task.Delay(500);
                    return await {|#0:FetchAsync(url, retries - 1)|};
                }

                return await response.Content.ReadAsStringAsync();
            }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments(
            "FetchAsync",
            "when 'GetAsync' answers an unsuccessful status code",
            "attempts limited by 'retries > 0', fixed delay 500",
            " or, for HttpClient, AddStandardResilienceHandler() from Microsoft.Extensions.Http.Resilience"));

    [Test]
    public Task A_method_calling_itself_after_a_false_result_without_a_counter_is_an_unbounded_recursive_retry() => Verify.VerifyAsync("""
        using System.Threading;

        class Publisher
        {
            bool TryPublish(string message) => message.Length > 0;

            bool Publish(string message)
            {
                if (TryPublish(message))
                {
                    return true;
                }

                Thread.Sleep(1000);
                return {|#0:Publish(message)|};
            }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments("Publish", "when 'TryPublish' returns false", "no attempt limit, fixed delay 1000", ""));

    [Test]
    public Task Recursion_into_the_next_page_after_a_result_is_not_a_retry() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Crawler
        {
            private readonly HttpClient _http = new();

            async Task CollectAsync(string url, List<string> pages)
            {
                var response = await _http.GetAsync(url);
                if (!response.IsSuccessStatusCode)
                {
                    return;
                }

                var body = await response.Content.ReadAsStringAsync();
                pages.Add(body);
                if (body.Contains("next=") && pages.Count < 10)
                {
                    await CollectAsync(body.Substring(body.IndexOf("next=") + 5), pages);
                }
            }
        }
        """);

    [Test]
    public Task A_call_through_this_after_the_name_is_written_in_comments_strings_and_other_calls_is_a_recursive_retry() => Verify.VerifyAsync("""
        using System.IO;

        class Channel
        {
            private readonly Channel _inner = new();

            // Connect once, then Connect again from the catch.
            void Connect(string host, int retries)
            {
                try
                {
                    _inner.Connect(host, retries);
                    Log("Connect(" + host + ")");
                }
                catch (IOException) when (retries > 0)
                {
                    {|#0:this.Connect(host, retries - 1)|};
                }
            }

            void Log(string message) { }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments("Connect", "from its catch block after catching IOException", "attempts limited by 'retries > 0', no delay between attempts", ""));

    [Test]
    public Task A_local_function_calling_itself_from_its_catch_is_a_recursive_retry() => Verify.VerifyAsync("""
        using System.IO;

        class C
        {
            void Run(string path)
            {
                Save(path, 0);

                void Save(string target, int attempt)
                {
                    try
                    {
                        File.WriteAllText(target, "x");
                    }
                    catch (IOException) when (attempt < 3)
                    {
                        {|#0:Save(target, attempt + 1)|};
                    }
                }
            }
        }
        """,
        Verify.Diagnostic("GR1004").WithLocation(0).WithArguments("Save", "from its catch block after catching IOException", "attempts limited by 'attempt < 3', no delay between attempts", ""));

    [Test]
    public Task The_same_method_of_a_wrapped_object_called_from_the_catch_is_not_the_method_itself() => Verify.VerifyAsync("""
        using System.IO;

        class BufferedSender
        {
            private readonly BufferedSender _fallback = new();

            void Send(string message, int retries)
            {
                try
                {
                    File.AppendAllText("queue", message);
                }
                catch (IOException) when (retries > 0)
                {
                    _fallback.Send(message, retries - 1);
                }
            }
        }
        """);

    [Test]
    public Task Recursion_on_the_negated_value_after_an_action_is_not_a_retry() => Verify.VerifyAsync("""
        class Number
        {
            public static Number ValueOf(long value)
            {
                if (value >= 0)
                {
                    return CreateFromUnsigned((ulong)value);
                }

                if (value == long.MinValue)
                {
                    return CreateFromUnsigned((ulong)~value).Not();
                }

                return ValueOf(-value).Not();
            }

            static Number CreateFromUnsigned(ulong magnitude) => new();

            Number Not() => this;
        }
        """);

    [Test]
    public Task An_overload_of_the_same_name_called_from_the_catch_is_another_method() => Verify.VerifyAsync("""
        using System.IO;

        class Writer
        {
            void Write(string path, string text)
            {
                try
                {
                    File.WriteAllText(path, text);
                }
                catch (IOException)
                {
                    Write(path);
                }
            }

            void Write(string path) { }
        }
        """);
}
