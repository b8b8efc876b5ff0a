using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Guardrails.Delivery;
using Guardrails.Delivery.PullRequests;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails wip</c>: exit 0 within the limits, 1 over a limit, 2 on an input error. Long-lived pull requests are listed, not failed.</summary>
internal sealed class WipRun(TextWriter output, TextWriter error, TimeProvider clock)
{
    public int Run(WipSettings settings)
    {
        try
        {
            var format = DeliveryOptions.Choice<TextOrJson>("--format", settings.Format);
            var limits = new WipLimits(
                DeliveryOptions.Positive("--max-per-author", settings.MaxPerAuthor),
                settings.MaxPerTeam is { } team ? DeliveryOptions.Positive("--max-per-team", team) : null,
                Teams(settings.Teams),
                DeliveryOptions.Duration("--max-age", settings.MaxAge),
                settings.IncludeDrafts);
            var path = settings.PullRequests ?? throw new DeliveryInputException("--pull-requests FILE is required: the JSON of gh pr list --json number,author,isDraft,createdAt,labels or az repos pr list.");
            var report = WipReport.Of(PullRequestList.Read(path), limits, clock.GetUtcNow());
            output.Write(format == TextOrJson.Json ? Json(report) : Text(report));
            return report.OverLimit ? PrSizeRun.OverLimitExitCode : 0;
        }
        catch (DeliveryInputException exception)
        {
            error.WriteLine(exception.Finding);
            return DoraRun.InputErrorExitCode;
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> Teams(string[] teams)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var team in teams)
        {
            var parts = team.Split('=', 2);
            var members = parts.Length == 2 ? parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || members.Length == 0)
            {
                throw new DeliveryInputException($"--team '{team}' is not NAME=author1,author2.");
            }

            result[parts[0].Trim()] = members;
        }

        return result;
    }

    private static string Text(WipReport report)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Open pull requests: {report.Counted} counted, {report.DraftsLeftOut} drafts left out.\n\n");
        text.Append(CultureInfo.InvariantCulture, $"| author | open | limit | pull requests |\n|---|---|---|---|\n");
        foreach (var count in report.Authors.Concat(report.Teams.Select(team => team with { Name = "team " + team.Name })))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {count.Name} | {count.PullRequests.Count}{(count.OverLimit ? " (over)" : string.Empty)} | {(count.Limit?.ToString(CultureInfo.InvariantCulture) ?? "none")} | {string.Join(", ", count.PullRequests.Select(number => "#" + number.ToString(CultureInfo.InvariantCulture)))} |\n");
        }

        if (report.OverLimit)
        {
            text.Append("\nOver a work-in-progress limit: finish or close open pull requests before starting new ones.\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nOpen longer than {Days(report.Limits.MaxAge)}: {report.LongLived.Count}\n");
        foreach (var (pullRequest, age) in report.LongLived)
        {
            text.Append(CultureInfo.InvariantCulture, $"  #{pullRequest.Number} by {pullRequest.Author}, open {Days(age)}\n");
        }

        return text.ToString();
    }

    private static string Days(TimeSpan age) => age.TotalDays.ToString("0.#", CultureInfo.InvariantCulture) + " days";

    private static string Json(WipReport report)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("counted", report.Counted);
            json.WriteNumber("draftsLeftOut", report.DraftsLeftOut);
            json.WriteBoolean("overLimit", report.OverLimit);
            Counts(json, "authors", report.Authors);
            Counts(json, "teams", report.Teams);
            json.WriteNumber("maxAgeHours", report.Limits.MaxAge.TotalHours);
            json.WriteStartArray("longLived");
            foreach (var (pullRequest, age) in report.LongLived)
            {
                json.WriteStartObject();
                json.WriteNumber("number", pullRequest.Number);
                json.WriteString("author", pullRequest.Author);
                json.WriteNumber("ageHours", Math.Round(age.TotalHours, 3));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<WipCount> counts)
    {
        json.WriteStartArray(name);
        foreach (var count in counts)
        {
            json.WriteStartObject();
            json.WriteString("name", count.Name);
            json.WriteNumber("open", count.PullRequests.Count);
            if (count.Limit is { } limit)
            {
                json.WriteNumber("limit", limit);
            }
            else
            {
                json.WriteNull("limit");
            }

            json.WriteBoolean("overLimit", count.OverLimit);
            json.WriteStartArray("pullRequests");
            foreach (var number in count.PullRequests)
            {
                json.WriteNumberValue(number);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
