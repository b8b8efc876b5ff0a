using System;
using System.IO;
using System.Text.Json;
using Guardrails.Cli.Commands.Delivery;
using Guardrails.Testing;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Tests.Delivery;

/// <summary><c>guardrails wip</c> on the JSON shapes gh and az print.</summary>
public sealed class WipCommandTests
{
    private static readonly FakeTimeProvider Now = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    private const string GitHub = """
        [
          {"author":{"id":"U_1","is_bot":false,"login":"ana","name":"Ana"},"createdAt":"2026-01-15T08:00:00Z","isDraft":false,"labels":[{"id":"LA_1","name":"size/S","description":"","color":"ededed"}],"number":12},
          {"author":{"id":"U_1","is_bot":false,"login":"ana","name":"Ana"},"createdAt":"2026-01-14T08:00:00Z","isDraft":false,"labels":[],"number":11},
          {"author":{"id":"U_1","is_bot":false,"login":"ana","name":"Ana"},"createdAt":"2026-01-08T08:00:00Z","isDraft":false,"labels":[],"number":7},
          {"author":{"id":"U_1","is_bot":false,"login":"ana","name":"Ana"},"createdAt":"2026-01-02T08:00:00Z","isDraft":true,"labels":[],"number":3},
          {"author":{"id":"U_2","is_bot":false,"login":"ben","name":"Ben"},"createdAt":"2026-01-13T12:00:00Z","isDraft":false,"labels":[],"number":9}
        ]
        """;

    [Test]
    public void Counts_per_author_and_team_leave_out_drafts_and_list_long_lived_pull_requests()
    {
        using var folder = TemporaryFolder.Create("guardrails-wip-");
        var file = folder.Write("prs.json", GitHub);

        var (exit, output, _) = Run(["--pull-requests", file, "--team", "payments=ana,ben", "--max-per-team", "4", "--format", "json"]);

        Assert.That(exit, Is.EqualTo(1), "ana has 3 open, over the default 2");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That((root.GetProperty("counted").GetInt32(), root.GetProperty("draftsLeftOut").GetInt32()), Is.EqualTo((4, 1)));
        var ana = root.GetProperty("authors")[0];
        Assert.That((ana.GetProperty("name").GetString(), ana.GetProperty("open").GetInt32(), ana.GetProperty("overLimit").GetBoolean()), Is.EqualTo(("ana", 3, true)));
        var team = root.GetProperty("teams")[0];
        Assert.That((team.GetProperty("open").GetInt32(), team.GetProperty("overLimit").GetBoolean()), Is.EqualTo((4, false)));

        // Older than 3 days on the 15th at 12:00: #7 (7 days 4 hours); #9 is exactly 2 days old; the draft #3 is not counted.
        var longLived = root.GetProperty("longLived");
        Assert.That(longLived.GetArrayLength(), Is.EqualTo(1));
        Assert.That(longLived[0].GetProperty("ageHours").GetDouble(), Is.EqualTo(172));
    }

    [Test]
    public void Azure_repos_output_is_read_and_drafts_can_be_included()
    {
        using var folder = TemporaryFolder.Create("guardrails-wip-");
        var file = folder.Write("prs.json", """
            [
              {"pullRequestId":42,"createdBy":{"displayName":"Jamal Hartnett","uniqueName":"jamal@fabrikam.com","id":"1"},"creationDate":"2026-01-14T09:00:00.1234567Z","isDraft":true,"labels":null,"status":"active","title":"A"},
              {"pullRequestId":43,"createdBy":{"displayName":"Jamal Hartnett","uniqueName":"jamal@fabrikam.com","id":"1"},"creationDate":"2026-01-14T10:00:00+00:00","isDraft":false,"status":"active","title":"B"}
            ]
            """);

        var excluded = Run(["--pull-requests", file, "--max-per-author", "1"]);
        var included = Run(["--pull-requests", file, "--max-per-author", "1", "--include-drafts"]);

        Assert.That(excluded.Exit, Is.EqualTo(0));
        Assert.That(excluded.Output, Does.Contain("| jamal@fabrikam.com | 1 | 1 | #43 |"));
        Assert.That(included.Exit, Is.EqualTo(1));
        Assert.That(included.Output, Does.Contain("| jamal@fabrikam.com | 2 (over) | 1 | #42, #43 |").And.Contain("Over a work-in-progress limit"));
    }

    [TestCase("[{\"number\": 1, \"author\": {\"login\": \"a\"}}]", "GR6009", "$[0].createdAt")]
    [TestCase("{\"number\": 1}", "GR6009", "is not an array of pull requests")]
    [TestCase("[{\"number\": 1,", "GR6009", "not valid JSON")]
    public void A_malformed_list_is_a_clear_error(string content, string id, string message)
    {
        using var folder = TemporaryFolder.Create("guardrails-wip-");
        var file = folder.Write("prs.json", content);

        var (exit, _, error) = Run(["--pull-requests", file]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"error {id}: ").And.Contain(message).And.Contain(file).And.Not.Contain("   at "));
    }

    [TestCase("--max-age", "3 days", "--max-age '3 days' is not a positive whole number")]
    [TestCase("--team", "payments", "--team 'payments' is not NAME=author1,author2")]
    public void Invalid_options_are_gr6007_errors(string option, string value, string message)
    {
        using var folder = TemporaryFolder.Create("guardrails-wip-");
        var file = folder.Write("prs.json", GitHub);

        var (exit, _, error) = Run(["--pull-requests", file, option, value]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain("error GR6007: ").And.Contain(message));
    }

    private static (int Exit, string Output, string Error) Run(string[] arguments)
    {
        WipSettings? captured = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddDelegate<WipSettings>("wip", (_, settings) =>
            {
                captured = settings;
                return 0;
            });
        });
        app.Run(["wip", .. arguments]);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new WipRun(output, error, Now).Run(captured!);
        return (exit, output.ToString(), error.ToString());
    }
}
