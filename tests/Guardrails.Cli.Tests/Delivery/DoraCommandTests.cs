using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Cli.Commands.Delivery;
using Guardrails.Testing;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Tests.Delivery;

/// <summary><c>guardrails dora</c> on real repositories: every input kind, every format, and hostile input.</summary>
public sealed class DoraCommandTests
{
    private static readonly string[] WeekStarts = ["2026-01-05", "2026-01-12"];

    private static readonly string[] Window = ["--since", "2026-01-05", "--until", "2026-01-19"];

    [Test]
    public void The_json_report_has_the_documented_fields_with_values_from_the_history()
    {
        using var git = Linear();
        var (exit, output, _) = Run(["--repository", git.Path, "--deployments-from-tags", "v*", "--format", "json", .. Window, "--baseline-until", "2026-01-12"]);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("from").GetString(), Is.EqualTo("2026-01-05T00:00:00Z"));
        Assert.That(root.GetProperty("to").GetString(), Is.EqualTo("2026-01-19T00:00:00Z"));
        var weeks = root.GetProperty("weeks");
        Assert.That(weeks.EnumerateArray().Select(week => week.GetProperty("start").GetString()), Is.EqualTo(WeekStarts));

        // v2 at the 7th 12:00 ships c2 (6th 12:00) and c3 (7th 06:00): 24 h and 6 h.
        var first = weeks[0];
        Assert.That(first.GetProperty("deployments").GetInt32(), Is.EqualTo(2));
        Assert.That(first.GetProperty("leadTimeHours").GetProperty("median").GetDouble(), Is.EqualTo(15));
        Assert.That(first.GetProperty("leadTimeHours").GetProperty("p90").GetDouble(), Is.EqualTo(24));
        Assert.That(first.GetProperty("changeFailureRate").GetDouble(), Is.EqualTo(0));
        Assert.That(first.GetProperty("restoreHours").GetProperty("median").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(first.GetProperty("incidentMinutes").GetDouble(), Is.EqualTo(0));
        var totals = root.GetProperty("totals");
        Assert.That(totals.GetProperty("deploymentsPerWeek").GetDouble(), Is.EqualTo(1.5));
        Assert.That(totals.GetProperty("bands").GetProperty("deploymentFrequency").GetString(), Is.EqualTo("high"));
        Assert.That(totals.GetProperty("bands").GetProperty("reportYear").GetInt32(), Is.EqualTo(2023));
        Assert.That(root.GetProperty("baseline").GetProperty("deployments").GetInt32(), Is.EqualTo(2));
        Assert.That(root.GetProperty("after").GetProperty("deployments").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Gate_records_github_deployments_and_incidents_combine_into_one_report()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var v3 = git.Git(null, "rev-parse", "v3").Trim();
        folder.Write("records/api-4.0.0.json", Record("4.0.0", "rollback", "2026-01-16T10:00:00Z"));
        git.LightweightTag("v4.0.0", "v3");
        var github = folder.Write("deployments.json", $$"""
            [[{ "id": 11, "sha": "{{v3}}", "environment": "production", "created_at": "2026-01-14T09:00:00Z",
                "statuses": [ { "state": "failure", "created_at": "2026-01-14T09:30:00Z" }, { "state": "in_progress", "created_at": "2026-01-14T09:05:00Z" } ] },
              { "id": 12, "sha": "{{v3}}", "environment": "staging", "created_at": "2026-01-14T10:00:00Z" }]]
            """);
        var incidents = folder.Write("incidents.csv", "id,opened,resolved,service,severity,deployment\nINC-7,2026-01-13T00:00:00Z,2026-01-13T03:00:00Z,api,sev1,v3\n");

        var (exit, output, error) = Run(["--repository", git.Path, "--deployments-from-tags", "v[0-9]", "--deployment-records", Path.Combine(folder.Root, "records"),
            "--github-deployments", github, "--environment", "production", "--incidents", incidents, "--format", "csv", .. Window]);

        Assert.That(exit, Is.EqualTo(0), error);
        var total = output.Split('\n').Single(line => line.StartsWith("total,", StringComparison.Ordinal)).Split(',');
        var header = CsvHeader();

        // Five deployments: v1, v2, v3 (linked to INC-7), GitHub 11 (failure), api@4.0.0 (rollback).
        Assert.That(total[header.IndexOf("deployments")], Is.EqualTo("5"));
        Assert.That(total[header.IndexOf("failedDeployments")], Is.EqualTo("2"));
        Assert.That(total[header.IndexOf("changeFailureRate")], Is.EqualTo("0.6"));
        Assert.That(total[header.IndexOf("restoreHoursMedian")], Is.EqualTo("3"));
        Assert.That(total[header.IndexOf("incidentMinutes")], Is.EqualTo("180"));
    }

    [Test]
    public void Azure_environment_records_joined_with_their_runs_give_lead_times_from_the_runs_commits()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var v1 = git.Git(null, "rev-parse", "v1").Trim();
        var v2 = git.Git(null, "rev-parse", "v2").Trim();
        var v3 = git.Git(null, "rev-parse", "v3").Trim();
        var runs = folder.Write("runs.json", $$"""[ { "id": 6, "sourceVersion": "{{v1}}" }, { "id": 7, "sourceVersion": "{{v2}}" }, { "id": 8, "sourceVersion": "{{v3}}" } ]""");
        var records = folder.Write("records.json", """
            { "count": 4, "value": [
              { "owner": { "id": 6 }, "stageName": "prod", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-05T10:00:00Z" },
              { "owner": { "id": 7 }, "stageName": "prod", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-07T12:00:00Z" },
              { "owner": { "id": 8 }, "stageName": "prod", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-13T09:00:00Z" },
              { "owner": { "id": 8 }, "stageName": "prod", "stageAttempt": 1, "result": "failed", "finishTime": "2026-01-13T10:00:00Z" } ] }
            """);

        var (exit, output, error) = Run(["--repository", git.Path, "--azure-deployments", records, "--azure-runs", runs, "--format", "json", .. Window]);
        var alone = Run(["--repository", git.Path, "--azure-deployments", records]);

        Assert.That(exit, Is.EqualTo(0), error);
        using var json = JsonDocument.Parse(output);
        var totals = json.RootElement.GetProperty("totals");
        Assert.That(totals.GetProperty("deployments").GetInt32(), Is.EqualTo(3));
        Assert.That(totals.GetProperty("failedDeployments").GetInt32(), Is.EqualTo(1));
        // Run 7 ships v2's commit at the 7th 12:00, after run 6 shipped v1's: changes c2 (24 h) and c3 (6 h). Run 8 failed.
        Assert.That(totals.GetProperty("leadTimeHours").GetProperty("median").GetDouble(), Is.EqualTo(15));
        AssertError(alone, "GR6007", "--azure-runs");
    }

    [Test]
    public void Markdown_and_html_reports_show_every_metric_and_the_html_has_one_scottplot_chart_per_metric()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var html = Path.Combine(folder.Root, "out", "dora.html");

        var markdown = Run(["--repository", git.Path, "--deployments-from-tags", "v*", .. Window]);
        var written = Run(["--repository", git.Path, "--deployments-from-tags", "v*", "--format", "html", "--out", html, .. Window, "--baseline-until", "2026-01-12"]);

        Assert.That(markdown.Exit, Is.EqualTo(0));
        Assert.That(markdown.Output, Does.Contain("| 2026-01-05 | 2 | 0 | 15 | 24 |"));
        Assert.That(markdown.Output, Does.Contain("deployments per week | 1.5 (3; high)"));
        Assert.That(written.Exit, Is.EqualTo(0));
        var page = File.ReadAllText(html);
        Assert.That(page.Split("<svg").Length - 1, Is.EqualTo(5));
        Assert.That(page, Does.Contain("baseline until 2026-01-12").And.Not.Contain("<?xml"));
    }

    [Test]
    public void An_empty_repository_is_a_clear_error()
    {
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        ProcessRunner.Run(ExternalTool.Require("git", "Install git."), ["init", "--quiet"], folder.Root, TimeSpan.FromMinutes(1));

        AssertError(Run(["--repository", folder.Root, "--deployments-from-tags", "v*"]), "GR6003", "has no commits");
    }

    [Test]
    public void A_shallow_clone_is_a_clear_error_saying_how_to_fetch_the_history()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var clone = Path.Combine(folder.Root, "clone");
        ProcessRunner.Run(ExternalTool.Require("git", "Install git."), ["clone", "--quiet", "--depth", "1", "file://" + git.Path, clone], folder.Root, TimeSpan.FromMinutes(1));

        AssertError(Run(["--repository", clone, "--deployments-from-tags", "v*"]), "GR6002", "fetch-depth: 0");
    }

    [Test]
    public void A_folder_that_is_not_a_repository_and_a_pattern_no_tag_matches_are_clear_errors()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");

        AssertError(Run(["--repository", folder.Root, "--deployments-from-tags", "v*"]), "GR6001", "not a git repository");
        AssertError(Run(["--repository", git.Path, "--deployments-from-tags", "release-*"]), "GR6008", "No tag");
    }

    [Test]
    public void A_record_whose_version_has_no_tag_names_the_record_and_the_missing_revision()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var record = folder.Write("api-9.9.9.json", Record("9.9.9", "promote", "2026-01-16T10:00:00Z"));

        var result = Run(["--repository", git.Path, "--deployment-records", record, .. Window]);

        AssertError(result, "GR6004", "'v9.9.9'");
        Assert.That(result.Error, Does.Contain(record));
    }

    [Test]
    public void Malformed_exports_give_the_file_line_and_column()
    {
        using var git = Linear();
        using var folder = TemporaryFolder.Create("guardrails-dora-");
        var github = folder.Write("deployments.json", "[\n  { \"id\": 1, \"sha\": \"abc\" \n  \"created_at\": \"x\" }\n]");
        var missing = folder.Write("missing.json", "[{ \"id\": 1, \"created_at\": \"2026-01-14T09:00:00Z\" }]");
        var incidents = folder.Write("incidents.csv", "opened,resolved\n2026-01-13T00:00:00Z,2026-01-13T03:00:00Z\n2026-01-14 10:00,\n");

        var syntax = Run(["--repository", git.Path, "--github-deployments", github, .. Window]);
        AssertError(syntax, "GR6005", "not valid JSON");
        Assert.That(syntax.Error, Does.Contain(github + "(3,3,3,3)"));
        AssertError(Run(["--repository", git.Path, "--github-deployments", missing, .. Window]), "GR6005", "$[0].sha");
        var csv = Run(["--repository", git.Path, "--deployments-from-tags", "v*", "--incidents", incidents, .. Window]);
        AssertError(csv, "GR6006", "'2026-01-14 10:00' is not an ISO 8601 time");
        Assert.That(csv.Error, Does.Contain(incidents + "(3,1,3,1)"));
    }

    [TestCase("--format", "pdf", "--format 'pdf' is not one of md, html, json, csv")]
    [TestCase("--since", "last week", "--since 'last week' is not a date")]
    [TestCase("--baseline-until", "2027-01-01", "--baseline-until 2027-01-01T00:00:00Z is not inside the report")]
    public void Invalid_options_are_gr6007_errors(string option, string value, string message)
    {
        using var git = Linear();

        AssertError(Run(["--repository", git.Path, "--deployments-from-tags", "v*", .. Window, option, value]), "GR6007", message);
    }

    [Test]
    public void Without_dates_the_report_covers_the_13_whole_weeks_before_the_current_one()
    {
        using var git = Linear();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 15, 12, 0, 0, TimeSpan.Zero));

        var (exit, output, _) = Run(["--repository", git.Path, "--deployments-from-tags", "v*", "--format", "json"], clock);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        Assert.That((json.RootElement.GetProperty("from").GetString(), json.RootElement.GetProperty("to").GetString()), Is.EqualTo(("2026-01-12T00:00:00Z", "2026-04-13T00:00:00Z")));
        Assert.That(json.RootElement.GetProperty("weeks").GetArrayLength(), Is.EqualTo(13));
    }

    /// <summary>c1 5th 10:00 (v1, lightweight); c2 6th 12:00, c3 7th 06:00 (v2 annotated 7th 12:00); c4 13th 08:00 (v3 lightweight).</summary>
    private static GitHistory Linear()
    {
        var git = GitHistory.Create();
        git.Commit("2026-01-05T10:00:00Z");
        git.LightweightTag("v1");
        git.Commit("2026-01-06T12:00:00Z");
        git.Commit("2026-01-07T06:00:00Z");
        git.AnnotatedTag("v2", "2026-01-07T12:00:00Z");
        git.Commit("2026-01-13T08:00:00Z");
        git.LightweightTag("v3");
        return git;
    }

    private static string Record(string version, string decision, string finished) => $$"""
        { "schemaVersion": 1, "service": "api", "version": "{{version}}", "decision": "{{decision}}", "reason": "test",
          "steps": [ { "step": "10", "startedAt": "2026-01-16T09:00:00Z", "finishedAt": "{{finished}}", "decision": "{{decision}}", "reads": [] } ] }
        """;

    private static System.Collections.Generic.List<string> CsvHeader() => Guardrails.Delivery.Reports.CsvDoraReport.Header.Split(',').ToList();

    private static (int Exit, string Output, string Error) Run(string[] arguments, TimeProvider? clock = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var settings = Parse(arguments);
        var exit = new DoraRun(output, error, clock ?? TimeProvider.System).Run(settings);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>The real command line parser fills the settings, so option names are tested too.</summary>
    private static DoraSettings Parse(string[] arguments)
    {
        DoraSettings? captured = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddDelegate<DoraSettings>("dora", (_, settings) =>
            {
                captured = settings;
                return 0;
            });
        });
        app.Run(["dora", .. arguments]);
        return captured!;
    }

    private static void AssertError((int Exit, string Output, string Error) result, string id, string text)
    {
        Assert.That(result.Exit, Is.EqualTo(2), result.Error);
        Assert.That(result.Error, Does.Contain($"error {id}: ").And.Contain(text).And.Not.Contain("   at "));
    }
}
