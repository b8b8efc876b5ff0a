using System.Threading.Tasks;
using Guardrails.Analyzers.Tests.Infrastructure;
using Guardrails.Analyzers.Timeouts;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests.Timeouts;

public sealed class UnboundedWaitAnalyzerTests
{
    private static Task VerifyAsync(string source, string? editorConfig = null)
        => AnalyzerVerifier<UnboundedWaitAnalyzer>.VerifyAsync(source, editorConfig);

    [Test]
    public Task Waits_without_timeout_or_token_are_reported()
        => VerifyAsync("""
            using System.Collections.Concurrent;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                void Run(ManualResetEvent signal, Task task, Thread thread, Process process, SemaphoreSlim gate, BlockingCollection<int> queue, WaitHandle[] handles,
                    ManualResetEventSlim ready, CountdownEvent pending)
                {
                    signal.{|GR2001:WaitOne|}();
                    ready.{|GR2001:Wait|}();
                    pending.{|GR2001:Wait|}();
                    WaitHandle.{|GR2001:WaitAll|}(handles);
                    WaitHandle.{|GR2001:WaitAny|}(handles);
                    task.{|GR2001:Wait|}();
                    Task.{|GR2001:WaitAll|}(task, task);
                    Task.{|GR2001:WaitAny|}(task);
                    thread.{|GR2001:Join|}();
                    process.{|GR2001:WaitForExit|}();
                    gate.{|GR2001:Wait|}();
                    gate.{|GR2001:Wait|}(CancellationToken.None);
                    _ = queue.{|GR2001:Take|}();
                    _ = queue.{|GR2001:Take|}(default);
                }

                Task RunAsync(Process process, SemaphoreSlim gate)
                    => Task.WhenAll(process.{|GR2001:WaitForExitAsync|}(), gate.{|GR2001:WaitAsync|}());
            }
            """);

    [Test]
    public Task Waits_with_a_timeout_or_a_token_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Collections.Concurrent;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                private readonly CancellationTokenSource stopping = new();

                void Run(ManualResetEvent signal, Task task, Thread thread, Process process, SemaphoreSlim gate, BlockingCollection<int> queue)
                {
                    var token = stopping.Token;
                    _ = signal.WaitOne(TimeSpan.FromSeconds(5));
                    _ = task.Wait(5000);
                    task.Wait(token);
                    _ = thread.Join(TimeSpan.FromSeconds(1));
                    _ = process.WaitForExit(1000);
                    _ = gate.Wait(TimeSpan.FromSeconds(1), token);
                    gate.Wait(token);
                    _ = queue.Take(token);
                    _ = gate.WaitAsync(token);
                    _ = process.WaitForExitAsync(token);
                    var ready = new ManualResetEventSlim();
                    _ = ready.Wait(250);
                    ready.Wait(token);
                }
            }
            """);

    [Test]
    public Task The_message_says_what_bounds_the_wait()
        => AnalyzerVerifier<UnboundedWaitAnalyzer>.VerifyAsync(
            """
            using System.Collections.Concurrent;
            using System.Threading;

            class Worker
            {
                void Run(ManualResetEvent signal, BlockingCollection<string> queue)
                {
                    signal.{|#0:WaitOne|}();
                    _ = queue.{|#1:Take|}();
                }
            }
            """,
            editorConfig: null,
            new DiagnosticResult(UnboundedWaitAnalyzer.Rule).WithLocation(0)
                .WithMessage("'WaitHandle.WaitOne' can wait forever: pass a timeout and handle the timed-out case"),
            new DiagnosticResult(UnboundedWaitAnalyzer.Rule).WithLocation(1)
                .WithMessage("'BlockingCollection.Take' can wait forever: pass a CancellationToken that CancelAfter bounds, or use TryTake with a timeout"));

    [Test]
    public Task A_token_the_caller_could_forward_is_left_to_CA2016()
        => VerifyAsync("""
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                Task RunAsync(SemaphoreSlim gate, CancellationToken cancellationToken) => gate.WaitAsync();

                void Run(Task task, CancellationToken cancellationToken) => task.Wait();
            }
            """);

    [Test]
    public Task Blocking_inside_an_async_function_is_left_to_the_async_analyzers()
        => VerifyAsync("""
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            class Worker
            {
                async Task RunAsync(Task task, SemaphoreSlim gate, ManualResetEvent signal)
                {
                    await Task.Yield();
                    task.Wait();
                    gate.Wait();
                    Func<Task> inner = async () => { await Task.Yield(); task.Wait(); };
                    signal.{|GR2001:WaitOne|}();
                }
            }
            """);

    [Test]
    public Task Test_fixtures_that_wait_on_purpose_are_skipped_by_default()
        => VerifyAsync("""
            using System.Threading;
            using NUnit.Framework;

            public class NUnitFixture
            {
                [Test]
                public void Waits(ManualResetEvent signal) => signal.WaitOne();

                private static void Helper(ManualResetEvent signal) => signal.WaitOne();
            }

            public class XunitFixture
            {
                [Xunit.Fact]
                public void Waits(ManualResetEvent signal) => signal.WaitOne();
            }

            public class Production
            {
                public void Waits(ManualResetEvent signal) => signal.{|GR2001:WaitOne|}();
            }
            """);

    [Test]
    public Task Helpers_in_a_test_project_are_skipped_and_reported_when_skipping_is_off()
    {
        const string helper = """
            using System.Threading;

            public static class ServerHelper
            {
                public static void WaitUntilStarted(ManualResetEvent started) => started.{|GR2001:WaitOne|}();
            }
            """;
        return Task.WhenAll(
            AnalyzerVerifier<UnboundedWaitAnalyzer>.VerifyAsync(
                helper.Replace("{|GR2001:WaitOne|}", "WaitOne", System.StringComparison.Ordinal),
                editorConfig: null,
                globalConfig: "build_property.IsTestProject = true"),
            AnalyzerVerifier<UnboundedWaitAnalyzer>.VerifyAsync(
                helper,
                editorConfig: "guardrails.timeouts.skip_test_code = false",
                globalConfig: "build_property.IsTestProject = true"));
    }

    [Test]
    public Task Test_fixtures_are_reported_when_the_option_turns_skipping_off()
        => VerifyAsync(
            """
            using System.Threading;
            using NUnit.Framework;

            [TestFixture]
            public class Fixture
            {
                public void Waits(ManualResetEvent signal) => signal.{|GR2001:WaitOne|}();
            }
            """,
            "guardrails.timeouts.skip_test_code = false");

    [Test]
    public Task Blocking_on_Task_Run_and_on_a_value_task_as_a_task_is_reported()
        => VerifyAsync("""
            using System.Threading.Tasks;

            class Bridge
            {
                static Task<int> LoadAsync() => Task.FromResult(1);

                static ValueTask<int> PeekAsync() => new(1);

                void Load()
                {
                    Task.Run(() => LoadAsync()).{|GR2001:Wait|}();
                    PeekAsync().AsTask().{|GR2001:Wait|}();
                }
            }
            """);

    [Test]
    public Task WaitForExit_after_the_process_is_known_to_have_exited_is_not_reported()
        => VerifyAsync("""
            using System;
            using System.Diagnostics;

            class Tool
            {
                static string Run(ProcessStartInfo start)
                {
                    using var process = Process.Start(start)!;
                    var output = "";
                    process.OutputDataReceived += (_, e) => output += e.Data;
                    process.BeginOutputReadLine();
                    if (process.WaitForExit(TimeSpan.FromMinutes(1)))
                    {
                        // The timed overload does not wait for redirected output; the parameterless one flushes it.
                        process.WaitForExit();
                        return output;
                    }

                    process.Kill(entireProcessTree: true);
                    process.WaitForExit();
                    throw new TimeoutException("tool did not finish");
                }

                static int ExitCodeOf(Process process)
                {
                    if (!process.HasExited)
                    {
                        return -1;
                    }

                    process.WaitForExit();
                    return process.ExitCode;
                }
            }
            """);

    [Test]
    public Task WaitForExit_on_another_process_or_before_the_timed_wait_is_reported()
        => VerifyAsync("""
            using System;
            using System.Diagnostics;

            class Tools
            {
                static void Run(Process build, Process test)
                {
                    build.{|GR2001:WaitForExit|}();
                    if (build.WaitForExit(TimeSpan.FromMinutes(1)))
                    {
                        test.{|GR2001:WaitForExit|}();
                    }
                }
            }
            """);

    [Test]
    public Task Polling_loops_bounded_by_a_deadline_or_a_token_with_CancelAfter_are_not_reported()
        => VerifyAsync("""
            using System;
            using System.Diagnostics;
            using System.Threading;
            using System.Threading.Tasks;

            class Readiness
            {
                static bool WaitUntilReady(ManualResetEventSlim ready, TimeSpan timeout)
                {
                    var deadline = Stopwatch.StartNew();
                    while (deadline.Elapsed < timeout)
                    {
                        if (ready.Wait(TimeSpan.FromMilliseconds(100)))
                        {
                            return true;
                        }
                    }

                    return false;
                }

                static async Task DrainAsync(SemaphoreSlim slots, TimeSpan timeout)
                {
                    using var budget = new CancellationTokenSource();
                    budget.CancelAfter(timeout);
                    while (!budget.IsCancellationRequested)
                    {
                        await slots.WaitAsync(budget.Token);
                        slots.Release();
                    }
                }

                static int StopTool(Process tool, TimeSpan grace)
                {
                    var waited = Stopwatch.StartNew();
                    while (!tool.HasExited && waited.Elapsed < grace)
                    {
                        Thread.Sleep(100);
                    }

                    if (!tool.HasExited)
                    {
                        tool.Kill();
                    }

                    tool.WaitForExit();
                    return tool.ExitCode;
                }
            }
            """);
}
