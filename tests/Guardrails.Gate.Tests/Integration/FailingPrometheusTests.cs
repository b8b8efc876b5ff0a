using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Gate;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>
/// Prometheus going away, answering slowly, answering garbage: each ends in a roll back once the error
/// limit is exceeded, well within the deadline, in real time with short intervals.
/// </summary>
[NonParallelizable]
public sealed class FailingPrometheusTests
{
    [Test]
    public async Task Prometheus_stopped_mid_gate_rolls_back_after_the_error_limit()
    {
        using var server = PrometheusServer.Start(new CanaryTimeline(DateTimeOffset.UtcNow).ToOpenMetrics());
        var plan = TestPlans.For("healthy", server.Address, window: "5m", samples: 30);
        using var output = new StringWriter();
        var progress = new KillingProgress(output, 30, afterRead: 2, server.Kill);
        var stopwatch = Stopwatch.StartNew();

        var outcome = await RunAsync(plan, progress);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack), output.ToString());
            Assert.That(outcome.Decision.Reason, Does.Contain("--error-limit 2"));
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(Kinds("GGEEE")));
            Assert.That(outcome.Reads[2].Detail, Does.Contain("cannot reach Prometheus"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(plan.Schedule.Deadline));
        });
    }

    [Test]
    public async Task A_slow_prometheus_rolls_back_after_the_error_limit_without_waiting_for_it()
    {
        using var server = new FakePrometheus(_ => new FakeAnswer(200, FakePrometheus.Vector(1), TimeSpan.FromSeconds(30)));
        var plan = TestPlans.For("healthy", server.Address) with
        {
            Resilience = new(TimeSpan.FromMilliseconds(300), Retries: 1, RetryDelay: TimeSpan.FromMilliseconds(20)),
        };
        var stopwatch = Stopwatch.StartNew();

        var outcome = await RunAsync(plan);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(Kinds("EEE")));
            Assert.That(outcome.Reads[0].Detail, Does.Contain("query timeout"));
            Assert.That(server.Requests, Is.EqualTo(6), "each read tried twice (one retry)");
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)), "three reads of two 300 ms attempts");
        });
    }

    [Test]
    public async Task A_prometheus_that_never_answers_rolls_back_at_the_deadline()
    {
        using var server = new FakePrometheus(_ => new FakeAnswer(200, FakePrometheus.Vector(1), TimeSpan.FromMinutes(5)));
        var plan = TestPlans.For("healthy", server.Address) with
        {
            Resilience = new(TimeSpan.FromMinutes(1), Retries: 0, RetryDelay: TimeSpan.FromMilliseconds(20)),
            Schedule = new GateSchedule(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1)),
        };
        var stopwatch = Stopwatch.StartNew();

        var outcome = await RunAsync(plan);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Decision.Reason, Does.Contain("deadline"));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }

    [TestCase("<html><body>Sign in</body></html>", "not JSON")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", "result type 'matrix'")]
    [TestCase("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"lots\"]}]}}", "'lots' is not a number")]
    public async Task Garbage_answers_roll_back_after_the_error_limit_without_retries(string body, string reason)
    {
        using var server = new FakePrometheus(_ => new FakeAnswer(200, body, TimeSpan.Zero));

        var outcome = await RunAsync(TestPlans.For("healthy", server.Address));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(Kinds("EEE")));
            Assert.That(outcome.Reads[0].Detail, Does.Contain(reason));
            Assert.That(server.Requests, Is.EqualTo(3), "an unreadable answer is not retried");
        });
    }

    [Test]
    public async Task A_transient_server_error_is_retried_and_the_read_counts()
    {
        // Every read asks for traffic, then total, then errors; the first attempt of each read fails with 503.
        var attempts = 0;
        using var server = new FakePrometheus(number => Interlocked.Increment(ref attempts) % 4 == 1
            ? new FakeAnswer(503, "{\"status\":\"error\",\"errorType\":\"unavailable\",\"error\":\"busy\"}", TimeSpan.Zero)
            : FakeAnswer.Ok(10));
        var plan = TestPlans.For("healthy", server.Address, samples: 2) with { MaxBurnRate = 2000 };

        var outcome = await RunAsync(plan);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.Promote), outcome.Decision.Reason);
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(Kinds("GG")));
            Assert.That(server.Requests, Is.EqualTo(8), "three queries per read plus one retry each");
        });
    }

    [Test]
    public async Task Http_errors_that_persist_count_as_failed_reads()
    {
        using var server = new FakePrometheus(_ => new FakeAnswer(502, "Bad Gateway", TimeSpan.Zero));

        var outcome = await RunAsync(TestPlans.For("healthy", server.Address));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads[0].Detail, Does.Contain("HTTP 502"));
        });
    }

    [Test]
    public async Task A_connection_dropped_mid_answer_is_a_failed_read()
    {
        using var server = new FakePrometheus(_ => FakeAnswer.Dropped);

        var outcome = await RunAsync(TestPlans.For("healthy", server.Address));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Decision.Verdict, Is.EqualTo(GateVerdict.RollBack));
            Assert.That(outcome.Reads.Select(read => read.Kind), Is.EqualTo(Kinds("EEE")));
            Assert.That(server.Requests, Is.EqualTo(6), "a dropped connection is retried");
        });
    }

    [Test]
    public async Task The_bearer_token_is_sent_with_every_query()
    {
        using var server = new FakePrometheus(_ => FakeAnswer.Ok(10));
        var plan = TestPlans.For("healthy", server.Address, samples: 1) with
        {
            Connection = new(server.Address, "s3cr3t", null),
            MaxBurnRate = 2000,
        };

        await RunAsync(plan);

        Assert.That(server.AuthorizationHeaders, Is.EqualTo(Enumerable.Repeat("Bearer s3cr3t", 3)));
    }

    [Test]
    public async Task Refused_credentials_are_a_configuration_error()
    {
        using var server = new FakePrometheus(_ => new FakeAnswer(401, "Unauthorized", TimeSpan.Zero));
        using var output = new StringWriter();

        var exitCode = await GateRunner.RunAsync(TestPlans.For("healthy", server.Address), new PlainGateProgress(output, 5), output, output, TimeProvider.System, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(GateExitCodes.ConfigurationError));
            Assert.That(output.ToString(), Does.Contain("error GR5209").And.Contain("HTTP 401"));
            Assert.That(server.Requests, Is.EqualTo(1), "refused credentials are not retried");
        });
    }

    private static ReadKind[] Kinds(string letters) => [.. letters.Select(letter => letter switch
    {
        'G' => ReadKind.Good,
        'B' => ReadKind.Bad,
        'N' => ReadKind.NoData,
        _ => ReadKind.Error,
    })];

    private static async Task<GateOutcome> RunAsync(GatePlan plan, IGateProgress? progress = null)
    {
        using var http = plan.Connection.CreateHttpClient(plan.Resilience.Timeout);
        var client = new Guardrails.Gate.Prometheus.PrometheusQueryClient(http, plan.Connection.Address, plan.Resilience.Build(TimeProvider.System));
        var probe = new PrometheusCanaryProbe(client, plan.Queries, plan.TrafficQuery, plan.MaxBurnRate, plan.Floor);
        var gate = new CanaryGate(probe, plan.Schedule, plan.Limits, TimeProvider.System, progress ?? new PlainGateProgress(TestContext.Progress, plan.Limits.Samples));
        return await gate.RunAsync(CancellationToken.None);
    }
}
