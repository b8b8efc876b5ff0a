using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Deployments;

/// <summary>
/// Azure Pipelines environment deployment records
/// (<c>GET {org}/{project}/_apis/distributedtask/environments/{id}/environmentdeploymentrecords</c>: objects
/// with <c>owner.id</c>, the run, <c>stageName</c>, <c>stageAttempt</c>, <c>result</c>, <c>finishTime</c>)
/// joined with the runs that made them (<c>az pipelines runs list</c> or <c>GET _apis/build/builds</c>:
/// <c>id</c> and <c>sourceVersion</c>), since a record names its run but not the commit it shipped.
/// <para>
/// One deployment is one attempt of one stage of one run: a canary strategy writes a record per lifecycle job
/// (preDeploy, each increment, on failure or on success), and those records are one release. It failed when
/// any of its records <c>failed</c>, or when the attempt was <c>canceled</c> or <c>abandoned</c> after some
/// of its jobs <c>succeeded</c> (the canary templates roll back a cancelled release); it succeeded when every
/// record <c>succeeded</c> or <c>succeededWithIssues</c> (<c>skipped</c> records are ignored); an attempt
/// that never got a job to succeed or fail, or that has a record still running (no <c>finishTime</c>), is
/// left out. Its time is the latest <c>finishTime</c> of its records, its id the run's id.
/// </para>
/// </summary>
public static class AzureEnvironmentDeployments
{
    private static readonly string[] DocumentedResults = ["succeeded", "succeededWithIssues", "failed", "canceled", "skipped", "abandoned"];

    public static IReadOnlyList<Deployment> Read(string recordsPath, string runsPath)
    {
        ArgumentNullException.ThrowIfNull(recordsPath);
        ArgumentNullException.ThrowIfNull(runsPath);
        var revisions = ReadRunRevisions(runsPath);
        var input = JsonInput.Read(recordsPath, DeliveryRules.MalformedDeployments, "Azure environment deployment records export");
        using (input.Document)
        {
            var records = new List<Record>();
            foreach (var (element, jsonPath) in Items(input, "environment deployment records"))
            {
                records.Add(ReadRecord(input, element, jsonPath));
            }

            var deployments = new List<Deployment>();
            foreach (var attempt in records.GroupBy(record => (record.RunId, record.Stage, record.StageAttempt)))
            {
                var first = attempt.First();
                if (!revisions.TryGetValue(first.RunId, out var revision))
                {
                    throw input.Error(first.JsonPath + ".owner.id", $"run {first.RunId} is not in the runs export '{runsPath}': export the runs of the same period (az pipelines runs list --top N --output json).");
                }

                var deployment = Combine(attempt.ToList(), revision, SourceSpan.WholeFile($"{input.Path} ({first.JsonPath})"));
                if (deployment is not null)
                {
                    deployments.Add(deployment);
                }
            }

            return deployments;
        }
    }

    private static Deployment? Combine(IReadOnlyList<Record> attempt, string revision, SourceSpan location)
    {
        if (attempt.Any(record => record.Finished is null))
        {
            return null;
        }

        var counted = attempt.Where(record => record.Result != "skipped").ToList();
        var succeeded = counted.Any(record => record.Result is "succeeded" or "succeededWithIssues");
        var failed = counted.Any(record => record.Result == "failed")
            || (succeeded && counted.Any(record => record.Result is "canceled" or "abandoned"));
        if (!succeeded && !failed)
        {
            return null;
        }

        var time = attempt.Max(record => record.Finished!.Value);
        return new Deployment(attempt[0].RunId, time, revision, failed ? DeploymentOutcome.Failed : DeploymentOutcome.Succeeded, location);
    }

    private static Record ReadRecord(JsonInput input, JsonElement element, string jsonPath)
    {
        if (!element.TryGetProperty("owner", out var owner) || owner.ValueKind != JsonValueKind.Object)
        {
            throw input.Error(jsonPath + ".owner", "is missing: a deployment record names the run that made it in owner.id.");
        }

        var runId = input.RequiredString(owner, jsonPath + ".owner", "id");
        var result = JsonInput.OptionalString(element, "result");
        if (result is not null && !DocumentedResults.Contains(result, StringComparer.Ordinal))
        {
            throw input.Error(jsonPath + ".result", $"'{result}' is not a result Azure DevOps documents ({string.Join(", ", DocumentedResults)}).");
        }

        return new Record(
            runId,
            JsonInput.OptionalString(element, "stageName") ?? string.Empty,
            JsonInput.OptionalString(element, "stageAttempt") ?? "1",
            result ?? string.Empty,
            input.OptionalTime(element, jsonPath, "finishTime"),
            jsonPath);
    }

    private static Dictionary<string, string> ReadRunRevisions(string runsPath)
    {
        var input = JsonInput.Read(runsPath, DeliveryRules.MalformedDeployments, "Azure Pipelines runs export");
        using (input.Document)
        {
            var revisions = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (element, jsonPath) in Items(input, "runs"))
            {
                revisions[input.RequiredString(element, jsonPath, "id")] = input.RequiredString(element, jsonPath, "sourceVersion");
            }

            return revisions;
        }
    }

    /// <summary>The objects of a plain array (what <c>az</c> prints) or of the REST API's <c>{ "count", "value" }</c> envelope.</summary>
    private static IEnumerable<(JsonElement Element, string JsonPath)> Items(JsonInput input, string what)
    {
        var root = input.Document.RootElement;
        var (array, arrayPath) = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("value", out var value)
            ? (value, "$.value")
            : (root, "$");
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw input.Error(arrayPath, $"is not an array of {what} (nor the REST API's {{ \"count\", \"value\": [...] }}).");
        }

        for (var i = 0; i < array.GetArrayLength(); i++)
        {
            var path = JsonInput.Index(arrayPath, i);
            if (array[i].ValueKind != JsonValueKind.Object)
            {
                throw input.Error(path, $"is not an object of the {what} export.");
            }

            yield return (array[i], path);
        }
    }

    private sealed record Record(string RunId, string Stage, string StageAttempt, string Result, DateTimeOffset? Finished, string JsonPath);
}
