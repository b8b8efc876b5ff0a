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
        Verify.Diagnostic("GR1005").WithLocation(0).WithArguments("IOException", "retry", "attempts limited by '++tries < 3', no delay between attempts", ""));

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
}
