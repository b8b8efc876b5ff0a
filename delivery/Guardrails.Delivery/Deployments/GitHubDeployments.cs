using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Deployments;

/// <summary>
/// An export of GitHub Deployments as the REST API returns them (<c>GET /repos/{owner}/{repo}/deployments</c>:
/// an array of objects with <c>id</c>, <c>sha</c>, <c>environment</c>, <c>created_at</c>), or the array of
/// pages <c>gh api --paginate --slurp</c> prints. A deployment may carry a <c>statuses</c> array as
/// <c>GET .../deployments/{id}/statuses</c> returns it; its newest status decides: <c>success</c> and
/// <c>inactive</c> (superseded by a later deployment) succeeded at that status's time, <c>failure</c> and
/// <c>error</c> failed, and <c>queued</c>, <c>pending</c>, <c>in_progress</c> have not finished and are left
/// out. Without statuses a deployment counts as succeeded at its <c>created_at</c>.
/// </summary>
public static class GitHubDeployments
{
    public static IReadOnlyList<Deployment> Read(string path, string? environment = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var input = JsonInput.Read(path, DeliveryRules.MalformedDeployments, "GitHub deployments export");
        using (input.Document)
        {
            var root = input.Document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw input.Error("$", "is not an array of deployments (the JSON GET /repos/{owner}/{repo}/deployments returns).");
            }

            var items = new List<(JsonElement Element, string Path)>();
            for (var i = 0; i < root.GetArrayLength(); i++)
            {
                var element = root[i];
                if (element.ValueKind == JsonValueKind.Array)
                {
                    // gh api --paginate --slurp: one array per page.
                    for (var j = 0; j < element.GetArrayLength(); j++)
                    {
                        items.Add((element[j], JsonInput.Index(JsonInput.Index("$", i), j)));
                    }
                }
                else
                {
                    items.Add((element, JsonInput.Index("$", i)));
                }
            }

            var deployments = new List<Deployment>();
            foreach (var (element, jsonPath) in items)
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw input.Error(jsonPath, "is not a deployment object.");
                }

                var deployment = FromElement(input, element, jsonPath, environment);
                if (deployment is not null)
                {
                    deployments.Add(deployment);
                }
            }

            return deployments;
        }
    }

    private static Deployment? FromElement(JsonInput input, JsonElement element, string jsonPath, string? environment)
    {
        var id = input.RequiredString(element, jsonPath, "id");
        var sha = input.RequiredString(element, jsonPath, "sha");
        var created = input.RequiredTime(element, jsonPath, "created_at");
        if (environment is not null && !string.Equals(JsonInput.OptionalString(element, "environment"), environment, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var location = SourceSpan.WholeFile($"{input.Path} ({jsonPath})");
        if (!element.TryGetProperty("statuses", out var statuses) || statuses.ValueKind == JsonValueKind.Null)
        {
            return new Deployment(id, created, sha, DeploymentOutcome.Succeeded, location);
        }

        if (statuses.ValueKind != JsonValueKind.Array)
        {
            throw input.Error(jsonPath + ".statuses", "is not an array of deployment statuses.");
        }

        var read = new List<(string State, DateTimeOffset Time)>();
        for (var s = 0; s < statuses.GetArrayLength(); s++)
        {
            var statusPath = JsonInput.Index(jsonPath + ".statuses", s);
            read.Add((input.RequiredString(statuses[s], statusPath, "state"), input.RequiredTime(statuses[s], statusPath, "created_at")));
        }

        if (read.Count == 0)
        {
            return new Deployment(id, created, sha, DeploymentOutcome.Succeeded, location);
        }

        var newest = read.OrderBy(status => status.Time).Last();
        return newest.State switch
        {
            "success" => new Deployment(id, newest.Time, sha, DeploymentOutcome.Succeeded, location),
            "inactive" => new Deployment(id, read.Where(status => status.State == "success").Select(status => status.Time).DefaultIfEmpty(newest.Time).Min(), sha, DeploymentOutcome.Succeeded, location),
            "failure" or "error" => new Deployment(id, newest.Time, sha, DeploymentOutcome.Failed, location),
            "queued" or "pending" or "in_progress" => null,
            _ => throw input.Error(jsonPath + ".statuses", $"state '{newest.State}' is not one GitHub documents (error, failure, inactive, in_progress, queued, pending, success)."),
        };
    }
}
