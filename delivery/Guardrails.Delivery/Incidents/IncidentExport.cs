using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Incidents;

/// <summary>
/// An incident export: CSV with a header row, or a JSON array of objects (<c>.json</c>). Columns or fields
/// (case does not matter): <c>opened</c> (required), <c>resolved</c>, <c>service</c>, <c>severity</c>,
/// <c>deployment</c>, <c>id</c>. Times are ISO 8601 with an offset; an empty <c>resolved</c> is an open incident.
/// </summary>
public static class IncidentExport
{
    private static readonly string[] Columns = ["id", "opened", "resolved", "service", "severity", "deployment"];

    public static IReadOnlyList<Incident> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(path) : ReadCsv(path);
    }

    private static List<Incident> ReadCsv(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new DeliveryInputException(DeliveryRules.MalformedIncidents, SourceSpan.WholeFile(full), $"The incident export '{full}' does not exist.");
        }

        var rows = CsvRows.Parse(File.ReadAllText(full)).ToList();
        if (rows.Count == 0)
        {
            throw Error(full, 1, 1, "The incident export is empty; it needs a header row with at least an 'opened' column.");
        }

        var header = rows[0].Fields.Select(name => name.Trim().ToLowerInvariant()).ToList();
        var unknown = header.FirstOrDefault(name => !Columns.Contains(name));
        if (unknown is not null)
        {
            throw Error(full, 1, ColumnOf(rows[0].Fields, header.IndexOf(unknown)), $"Unknown column '{unknown}'; the columns are {string.Join(", ", Columns)}.");
        }

        if (!header.Contains("opened"))
        {
            throw Error(full, 1, 1, "The header has no 'opened' column.");
        }

        var incidents = new List<Incident>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.Count != header.Count)
            {
                throw Error(full, line, 1, $"The row has {fields.Count} fields; the header has {header.Count}.");
            }

            string? Field(string name) => header.IndexOf(name) is var index and >= 0 && fields[index].Trim() is { Length: > 0 } value ? value : null;

            DateTimeOffset? Time(string name)
            {
                var text = Field(name);
                if (text is null)
                {
                    return null;
                }

                return Timestamps.Parse(text) ?? throw Error(full, line, ColumnOf(fields, header.IndexOf(name)), $"'{name}' value '{text}' is not an ISO 8601 time with an offset, such as 2026-03-02T14:05:00Z.");
            }

            var opened = Time("opened") ?? throw Error(full, line, ColumnOf(fields, header.IndexOf("opened")), "'opened' is empty.");
            incidents.Add(Checked(new Incident(Field("id") ?? $"line {line}", opened, Time("resolved"), Field("service"), Field("severity"), Field("deployment")), () => Error(full, line, 1, "'resolved' is before 'opened'.")));
        }

        return incidents;
    }

    private static List<Incident> ReadJson(string path)
    {
        var input = JsonInput.Read(path, DeliveryRules.MalformedIncidents, "incident export");
        using (input.Document)
        {
            var root = input.Document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
            {
                throw input.Error("$", "is not an array of incidents.");
            }

            var incidents = new List<Incident>();
            for (var i = 0; i < root.GetArrayLength(); i++)
            {
                var jsonPath = JsonInput.Index("$", i);
                var element = Lowered(root[i]);
                if (element is null)
                {
                    throw input.Error(jsonPath, "is not an incident object.");
                }

                var item = element.Value;
                var incident = new Incident(
                    JsonInput.OptionalString(item, "id") ?? jsonPath,
                    input.RequiredTime(item, jsonPath, "opened"),
                    input.OptionalTime(item, jsonPath, "resolved"),
                    JsonInput.OptionalString(item, "service"),
                    JsonInput.OptionalString(item, "severity"),
                    JsonInput.OptionalString(item, "deployment"));
                incidents.Add(Checked(incident, () => input.Error(jsonPath, "'resolved' is before 'opened'.")));
            }

            return incidents;
        }
    }

    /// <summary>The object with lower-case property names, so <c>Opened</c> and <c>opened</c> read alike.</summary>
    private static JsonElement? Lowered(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var lowered = element.EnumerateObject().GroupBy(property => property.Name.ToLowerInvariant()).ToDictionary(group => group.Key, group => group.First().Value);
        return JsonSerializer.SerializeToElement(lowered);
    }

    private static Incident Checked(Incident incident, Func<DeliveryInputException> error) =>
        incident.Resolved is { } resolved && resolved < incident.Opened ? throw error() : incident;

    private static int ColumnOf(List<string> fields, int index) => fields.Take(index).Sum(field => field.Length + 1) + 1;

    private static DeliveryInputException Error(string file, int line, int column, string message) =>
        new(DeliveryRules.MalformedIncidents, new SourceSpan(file, line, column, line, column), message);
}
