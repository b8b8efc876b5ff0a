using System.Threading.Tasks;
using Verify = Guardrails.Analyzers.Tests.Infrastructure.AnalyzerVerifier<Guardrails.Analyzers.Retries.RetryLoopAnalyzer>;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// Retry loops whose way out on success the syntax filter must still see before any binding (a field set in the try
/// block, a <c>break</c> after the <c>using</c> the try sits in, a result computed in the loop), beside loops it now
/// turns away without binding because the detector would: a flag never computed in the loop, a try over the next
/// piece of data.
/// </summary>
[TestFixture]
public sealed class RetryLoopSyntaxFilterTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Threading;

        """;

    [Test]
    public Task A_try_that_sets_a_field_the_condition_reads_through_this_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class Link
        {
            private bool connected;

            void Open()
            {
                {|#0:while|} (!this.connected)
                {
                    try
                    {
                        Connect();
                        this.connected = true;
                    }
                    catch (IOException)
                    {
                        Thread.Sleep(1000);
                    }
                }
            }

            void Connect()
            {
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "no attempt limit, fixed delay 1000", ""));

    [Test]
    public Task A_try_inside_a_using_with_the_break_after_the_using_is_a_retry_loop() => Verify.VerifyAsync(Usings + """
        class Outbox
        {
            void Flush(Stream target, byte[] data)
            {
                {|#0:while|} (true)
                {
                    using (var copy = new MemoryStream(data))
                    {
                        try
                        {
                            copy.CopyTo(target);
                        }
                        catch (IOException)
                        {
                            Thread.Sleep(200);
                            continue;
                        }
                    }

                    break;
                }
            }
        }
        """,
        Verify.Diagnostic("GR1001").WithLocation(0).WithArguments("catching IOException", "no attempt limit, fixed delay 200", ""));

    [Test]
    public Task A_loop_testing_a_flag_set_before_it_is_not_a_retry_on_a_failed_result() => Verify.VerifyAsync(Usings + """
        class Keys
        {
            static bool TryCreateKey(int seed, out int key)
            {
                key = seed * 31;
                return key % 7 != 0;
            }

            int Generate(bool strict)
            {
                for (var seed = 1; ; seed++)
                {
                    var created = TryCreateKey(seed, out var key);
                    if (!strict && key > 0)
                    {
                        continue;
                    }

                    return key;
                }
            }
        }
        """);

    [Test]
    public Task A_result_flag_computed_in_the_loop_is_still_read() => Verify.VerifyAsync(Usings + """
        class Ledger
        {
            bool TrySend(string entry) => entry.Length > 0;

            void Post(string entry)
            {
                var attempts = 0;
                while (attempts < 4)
                {
                    var sent = TrySend(entry);
                    if (sent)
                    {
                        return;
                    }

                    attempts++;
                    Thread.Sleep(250);
                }
            }
        }
        """.Replace("while (attempts", "{|#0:while|} (attempts"),
        Verify.Diagnostic("GR1003").WithLocation(0).WithArguments("'TrySend' returns false", "attempts limited by 'attempts < 4', fixed delay 250", ""));
}
