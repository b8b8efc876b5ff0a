using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Deployments;

/// <summary>
/// The JSON deployment records <c>guardrails gate --record</c> writes (docs/gate.md): one file per
/// service version. The deployment's time is the last step's <c>finishedAt</c>; <c>promote</c> is a
/// success, <c>rollback</c> and <c>inconclusive</c> are failures (neither left the version in production).
/// The record holds a version, not a commit: <paramref name="revisionFormat"/> (default <c>v{version}</c>,
/// the tag the release was built from) names the revision, with <c>{version}</c> and <c>{service}</c> replaced.
/// </summary>
public static class GateRecordDeployments
{
    public const string DefaultRevisionFormat = "v{version}";

    public static IReadOnlyList<Deployment> Read(string path, string revisionFormat = DefaultRevisionFormat)
    {
        ArgumentNullException.ThrowIfNull(path);
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [path];
        var deployments = new List<Deployment>();
        foreach (var file in files)
        {
            var input = JsonInput.Read(file, DeliveryRules.MalformedDeployments, "deployment record");
            using (input.Document)
            {
                deployments.Add(FromRecord(input, input.Document.RootElement, revisionFormat));
            }
        }

        return deployments;
    }

    private static Deployment FromRecord(JsonInput input, JsonElement record, string revisionFormat)
    {
        if (record.ValueKind != JsonValueKind.Object || !record.TryGetProperty("schemaVersion", out _))
        {
            throw input.Error("$", "is not a guardrails deployment record (an object with schemaVersion, service, version, decision and steps).");
        }

        var service = input.RequiredString(record, "$", "service");
        var version = input.RequiredString(record, "$", "version");
        var decision = input.RequiredString(record, "$", "decision");
        if (!record.TryGetProperty("steps", out var steps) || steps.ValueKind != JsonValueKind.Array || steps.GetArrayLength() == 0)
        {
            throw input.Error("$.steps", "is missing or empty; a record has one step per gate run.");
        }

        var last = steps.GetArrayLength() - 1;
        var finished = input.RequiredTime(steps[last], JsonInput.Index("$.steps", last), "finishedAt");
        var outcome = decision switch
        {
            "promote" => DeploymentOutcome.Succeeded,
            "rollback" or "inconclusive" => DeploymentOutcome.Failed,
            _ => throw input.Error("$.decision", $"'{decision}' is not promote, rollback or inconclusive."),
        };

        // A record may name its commit itself; then no tag is needed.
        var revision = JsonInput.OptionalString(record, "commit")
            ?? revisionFormat.Replace("{version}", version, StringComparison.Ordinal).Replace("{service}", service, StringComparison.Ordinal);
        return new Deployment($"{service}@{version}", finished, revision, outcome, SourceSpan.WholeFile(input.Path));
    }
}
