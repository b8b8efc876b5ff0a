using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.GotoRetryAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

[TestFixture]
public sealed class GotoRetryAnalyzerTests
{
    [Test]
    public Task A_goto_from_a_catch_back_above_the_try_is_a_goto_retry() => Verify.VerifyAsync("""
        using System.IO;

        class C
        {
            void Flush()
            {
                var tries = 0;
            retry:
                try
                {
                    Save();
                }
                catch (IOException)
                {
                    if (++tries < 3)
                    {
                        {|#0:goto retry;|}
                    }

                    throw;
                }
            }

            void Save() { }
        }
        """,
        Verify.Diagnostic("GR1005").WithLocation(0).WithArguments("after catching IOException,", "retry", "attempts limited by '++tries < 3', no delay between attempts", ""));

    [Test]
    public Task A_goto_forward_out_of_a_catch_is_not_a_retry() => Verify.VerifyAsync("""
        using System.IO;

        class C
        {
            int Read()
            {
                try
                {
                    return File.ReadAllText("x").Length;
                }
                catch (IOException)
                {
                    goto fallback;
                }

            fallback:
                return 0;
            }
        }
        """);

    [Test]
    public Task A_goto_back_when_the_send_returned_false_is_a_goto_retry() => Verify.VerifyAsync("""
        using System.Threading;

        class Modem
        {
            bool TrySend(byte[] frame) => frame.Length > 0;

            void Send(byte[] frame)
            {
                var attempts = 0;
            retry:
                var ok = TrySend(frame);
                if (!ok && ++attempts < 3)
                {
                    Thread.Sleep(200 * attempts);
                    {|#0:goto retry;|}
                }
            }
        }
        """,
        Verify.Diagnostic("GR1005").WithLocation(0).WithArguments("when 'TrySend' returns false,", "retry", "attempts limited by '++attempts < 3', linear backoff 200 * attempts", ""));

    [Test]
    public Task A_goto_back_to_re_read_input_that_was_not_an_action_is_not_a_retry() => Verify.VerifyAsync("""
        using System;

        class Prompt
        {
            int AskNumber()
            {
            again:
                var text = Console.ReadLine();
                if (!int.TryParse(text, out var number))
                {
                    goto again;
                }

                return number;
            }
        }
        """);

    [Test]
    public Task A_goto_after_switching_to_a_fallback_url_is_not_a_retry() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        class Downloader
        {
            private readonly HttpClient _http = new();

            async Task<byte[]> DownloadUrl(string url)
            {
                string? failedUrl = null;
            retry:
                try
                {
                    return await Task.Run(() => _http.GetByteArrayAsync(failedUrl ?? url));
                }
                catch (HttpRequestException)
                {
                    // Some servers are case-sensitive yet corrupt case on upload: try the lower-cased URL once.
                    if (failedUrl != null) throw;

                    failedUrl = url.ToLowerInvariant();
                    goto retry;
                }
            }
        }
        """);

    [Test]
    public Task A_goto_that_only_counts_its_attempts_in_the_catch_is_still_a_retry() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Threading;

        class Journal
        {
            void Append(string path, string line)
            {
                var attempt = 0;
            again:
                try
                {
                    File.AppendAllText(path, line);
                    Console.WriteLine($"written on attempt {attempt}");
                }
                catch (IOException) when (attempt < 3)
                {
                    attempt = attempt + 1;
                    Thread.Sleep(100);
                    {|#0:goto again;|}
                }
            }
        }
        """,
        Verify.Diagnostic("GR1005").WithLocation(0).WithArguments("after catching IOException,", "again", "attempts limited by 'attempt < 3', fixed delay 100", ""));
}
