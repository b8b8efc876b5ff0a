using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate.Prometheus;
using Guardrails.Gate.Record;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// Runs a checked plan against Prometheus: builds the HTTP client and the resilience pipeline, runs the
/// gate, writes the deployment record, and returns the exit code of <see cref="GateExitCodes"/>: the
/// verdict's, or the configuration error when Prometheus says the configuration is wrong.
/// </summary>
public static class GateRunner
{
    public static async Task<int> RunAsync(GatePlan plan, IGateProgress progress, TextWriter output, TextWriter errors, TimeProvider time, CancellationToken cancellationToken)
    {
        output.WriteLine(
            $"gate: {plan.Service} {plan.ServiceVersion}: SLO {string.Join(" and ", plan.Queries.Select(query => query.SloName))} on {plan.Selector}, "
            + $"window {plan.Window}, max burn rate {plan.MaxBurnRate}, warm-up {PrometheusDuration.Format(plan.Schedule.WarmUp)}, {plan.Limits.Samples} read(s) every {PrometheusDuration.Format(plan.Schedule.Interval)}, deadline {PrometheusDuration.Format(plan.Schedule.Deadline)}");

        using var http = plan.Connection.CreateHttpClient(plan.Resilience.Timeout);
        var client = new PrometheusQueryClient(http, plan.Connection.Address, plan.Resilience.Build(time));
        var probe = new PrometheusCanaryProbe(client, plan.Queries, plan.TrafficQuery, plan.MaxBurnRate, plan.Floor);
        var gate = new CanaryGate(probe, plan.Schedule, plan.Limits, time, progress);
        GateOutcome outcome;
        try
        {
            outcome = await gate.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PrometheusRefusedException exception)
        {
            errors.WriteLine(new GateProblem(GateRules.PrometheusRefused, exception.Message, exception.QuerySource));
            return GateExitCodes.ConfigurationError;
        }

        if (plan.RecordPath is { } recordPath)
        {
            WriteRecord(recordPath, plan, outcome, output, errors);
        }

        return (int)outcome.Decision.Verdict;
    }

    private static void WriteRecord(string path, GatePlan plan, GateOutcome outcome, TextWriter output, TextWriter errors)
    {
        try
        {
            var record = DeploymentRecordWriter.Append(path, plan, outcome);
            output.WriteLine($"gate: deployment record {path}: step {record.Steps.Count} of {record.Service} {record.Version}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The decision stands (the pipeline must still promote or roll back); the missing record is reported loudly.
            errors.WriteLine($"gate: error: the deployment record {path} could not be written: {exception.Message}");
        }
    }
}
