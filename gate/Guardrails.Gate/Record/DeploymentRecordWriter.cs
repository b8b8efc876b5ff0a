using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guardrails.Gate.Record;

/// <summary>
/// Adds a gate run to the record file: a record of the same service and version gains a step (one file
/// follows a deployment through 10, 25, 50, 100 %); anything else (no file, another version, a file that
/// is not a record) starts a new record. Written to a temporary file and moved, so a reader never sees half.
/// </summary>
public static class DeploymentRecordWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // A file for people and scripts, never embedded in HTML: keep quotes in selectors readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

        // A burn rate can be +Inf (errors with zero budget left is excluded, but Prometheus can answer Inf).
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static DeploymentRecord Append(string path, GatePlan plan, GateOutcome outcome)
    {
        var previous = TryRead(path);
        var isSameDeployment = previous is not null && previous.Service == plan.Service && previous.Version == plan.ServiceVersion;
        var steps = isSameDeployment ? previous!.Steps.ToList() : [];
        var decision = Word(outcome.Decision.Verdict);
        steps.Add(Step(plan, outcome, plan.Step ?? (steps.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), decision));
        var record = new DeploymentRecord(DeploymentRecord.CurrentSchemaVersion, plan.Service, plan.ServiceVersion, decision, outcome.Decision.Reason, steps, isSameDeployment ? previous!.Flags : null);
        Write(path, record);
        return record;
    }

    /// <summary>
    /// Adds the flags a rollback handled to the record at <paramref name="path"/>, which the gate wrote.
    /// Returns null, writing nothing, when there is no record there to add them to.
    /// </summary>
    public static DeploymentRecord? AddFlags(string path, IReadOnlyList<DeploymentFlag> flags)
    {
        if (TryRead(path) is not { } previous)
        {
            return null;
        }

        var record = previous with { Flags = [.. previous.Flags ?? [], .. flags] };
        Write(path, record);
        return record;
    }

    private static void Write(string path, DeploymentRecord record)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(record, Options));
        File.Move(temporary, path, overwrite: true);
    }

    public static DeploymentRecord? TryRead(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DeploymentRecord>(File.ReadAllText(path), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DeploymentStep Step(GatePlan plan, GateOutcome outcome, string step, string decision) => new(
        step,
        plan.Queries.Select(query => query.SloName).ToList(),
        plan.Selector,
        plan.Window.Text,
        plan.MaxBurnRate,
        plan.MinRequests,
        plan.Limits.Samples,
        plan.Limits.FailureLimit,
        plan.Limits.ErrorLimit,
        plan.Limits.InconclusiveLimit,
        plan.Limits.OnNoData.ToString().ToLowerInvariant(),
        plan.Schedule.Interval.TotalSeconds,
        outcome.StartedAt,
        outcome.FinishedAt,
        decision,
        outcome.Decision.Reason,
        outcome.Reads.Select(Read).ToList());

    private static DeploymentRead Read(GateRead read) => new(
        read.Number,
        read.Timestamp,
        read.Kind switch
        {
            ReadKind.Good => "good",
            ReadKind.Bad => "bad",
            ReadKind.NoData => "no-data",
            _ => "error",
        },
        read.RequestsPerSecond,
        read.Measurements.Select(measurement => new DeploymentMeasurement(measurement.Slo, measurement.ErrorRatio, measurement.BurnRate)).ToList(),
        read.Detail);

    private static string Word(GateVerdict verdict) => verdict switch
    {
        GateVerdict.Promote => "promote",
        GateVerdict.RollBack => "rollback",
        _ => "inconclusive",
    };
}
