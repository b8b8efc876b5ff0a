using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The open pull requests from the JSON <c>gh pr list --json number,author,isDraft,createdAt,labels</c>
/// prints (<c>number</c>, <c>author.login</c>, <c>isDraft</c>, <c>createdAt</c>, <c>labels[].name</c>) or
/// <c>az repos pr list</c> prints (<c>pullRequestId</c>, <c>createdBy.uniqueName</c>, <c>isDraft</c>,
/// <c>creationDate</c>, <c>labels[].name</c>); each element is read by the shape it has.
/// </summary>
public static class PullRequestList
{
    public static IReadOnlyList<OpenPullRequest> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var input = JsonInput.Read(path, DeliveryRules.MalformedPullRequests, "pull request list");
        using (input.Document)
        {
            var root = input.Document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw input.Error("$", "is not an array of pull requests (what gh pr list --json or az repos pr list prints).");
            }

            var list = new List<OpenPullRequest>();
            for (var i = 0; i < root.GetArrayLength(); i++)
            {
                var jsonPath = JsonInput.Index("$", i);
                var element = root[i];
                if (element.ValueKind != JsonValueKind.Object)
                {
                    throw input.Error(jsonPath, "is not a pull request object.");
                }

                list.Add(element.TryGetProperty("pullRequestId", out _) ? FromAzure(input, element, jsonPath) : FromGitHub(input, element, jsonPath));
            }

            return list;
        }
    }

    private static OpenPullRequest FromGitHub(JsonInput input, JsonElement element, string jsonPath) => new(
        Number(input, element, jsonPath, "number"),
        element.TryGetProperty("author", out var author) ? input.RequiredString(author, jsonPath + ".author", "login") : throw input.Error(jsonPath + ".author", "is missing; list with --json number,author,isDraft,createdAt,labels."),
        element.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True,
        input.RequiredTime(element, jsonPath, "createdAt"),
        Labels(element));

    private static OpenPullRequest FromAzure(JsonInput input, JsonElement element, string jsonPath) => new(
        Number(input, element, jsonPath, "pullRequestId"),
        element.TryGetProperty("createdBy", out var author) ? JsonInput.OptionalString(author, "uniqueName") ?? input.RequiredString(author, jsonPath + ".createdBy", "displayName") : throw input.Error(jsonPath + ".createdBy", "is missing."),
        element.TryGetProperty("isDraft", out var draft) && draft.ValueKind == JsonValueKind.True,
        input.RequiredTime(element, jsonPath, "creationDate"),
        Labels(element));

    private static int Number(JsonInput input, JsonElement element, string jsonPath, string name) =>
        int.TryParse(input.RequiredString(element, jsonPath, name), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw input.Error($"{jsonPath}.{name}", "is not a pull request number.");

    private static List<string> Labels(JsonElement element) =>
        element.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array
            ? labels.EnumerateArray().Select(label => JsonInput.OptionalString(label, "name")).OfType<string>().ToList()
            : [];
}
