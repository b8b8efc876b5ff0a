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
}
