using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Guardrails.Testing;
using Json.Schema;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// The controllers' own CRD schemas, kept in kubernetes/crds with their licences (see SOURCE.md there), read as
/// JSON Schema for one kind and version. Kubernetes silently prunes a field its schema does not declare, so a
/// misspelt field would be lost without a word: the schemas are made strict (undeclared fields are errors)
/// wherever the CRD does not say to keep unknown fields.
/// </summary>
internal static class CrdSchemas
{
    private static readonly Dictionary<(string, string), JsonSchema> Cache = [];

    public static JsonSchema For(string apiVersion, string kind)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((apiVersion, kind), out var schema))
            {
                schema = Load(apiVersion, kind);
                Cache[(apiVersion, kind)] = schema;
            }

            return schema;
        }
    }

    /// <summary>Every schema error of <paramref name="manifest"/>, as "location: message" lines; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonNode manifest)
    {
        var apiVersion = manifest["apiVersion"]!.GetValue<string>();
        var kind = manifest["kind"]!.GetValue<string>();
        using var document = System.Text.Json.JsonDocument.Parse(manifest.ToJsonString());
        var result = For(apiVersion, kind).Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(detail => detail.Errors is not null).SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")).ToList();
    }

    private static JsonSchema Load(string apiVersion, string kind)
    {
        var group = apiVersion.Split('/')[0];
        var version = apiVersion.Split('/')[1];
        var folder = group == "argoproj.io" ? "argo-rollouts" : "flagger";
        foreach (var file in Directory.EnumerateFiles(RepositoryLayout.PathOf("kubernetes", "crds", folder), "*.yaml").Order(StringComparer.Ordinal))
        {
            foreach (var crd in YamlJson.Documents(File.ReadAllText(file)))
            {
                if (crd["spec"]?["group"]?.GetValue<string>() != group || crd["spec"]?["names"]?["kind"]?.GetValue<string>() != kind)
                {
                    continue;
                }

                var served = crd["spec"]!["versions"]!.AsArray().Single(entry => entry!["name"]!.GetValue<string>() == version);
                var schema = served!["schema"]!["openAPIV3Schema"]!.DeepClone();
                MakeStrict(schema);
                // The CRD's x-kubernetes-* extensions are annotations to a JSON Schema validator, not errors.
                var dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true);
                return JsonSchema.FromText(schema.ToJsonString(), new BuildOptions { Dialect = dialect });
            }
        }

        throw new InvalidOperationException($"No CRD for {kind} in {apiVersion} under kubernetes/crds/{folder}.");
    }

    private static void MakeStrict(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                var keepsUnknown = schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
                if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !keepsUnknown)
                {
                    schema["additionalProperties"] = false;
                }

                foreach (var child in schema.Select(pair => pair.Value).ToList())
                {
                    MakeStrict(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    MakeStrict(child);
                }

                break;
        }
    }
}
