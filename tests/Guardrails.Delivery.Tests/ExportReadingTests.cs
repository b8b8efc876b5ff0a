using System;
using System.Linq;
using Guardrails.Delivery.Deployments;
using Guardrails.Delivery.Incidents;
using Guardrails.Testing;

namespace Guardrails.Delivery.Tests;

/// <summary>The export shapes as GitHub documents them, and the incident JSON, read as docs/delivery.md says.</summary>
public sealed class ExportReadingTests
{
    [Test]
    public void A_github_deployment_takes_its_newest_status_and_unfinished_ones_are_left_out()
    {
        using var folder = TemporaryFolder.Create("guardrails-export-");
        var file = folder.Write("deployments.json", """
            [
              { "url": "https://api.github.com/repos/o/r/deployments/1", "id": 1, "node_id": "DE_1", "sha": "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "ref": "main", "task": "deploy",
                "payload": {}, "original_environment": "production", "environment": "production", "description": null, "creator": { "login": "octocat" },
                "created_at": "2026-01-05T10:00:00Z", "updated_at": "2026-01-06T10:00:00Z", "transient_environment": false, "production_environment": true,
                "statuses": [ { "id": 11, "state": "inactive", "created_at": "2026-01-06T10:00:00Z" }, { "id": 10, "state": "success", "created_at": "2026-01-05T10:20:00Z" } ] },
              { "id": 2, "sha": "b84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "environment": "production", "created_at": "2026-01-06T09:00:00Z",
                "statuses": [ { "state": "queued", "created_at": "2026-01-06T09:00:01Z" } ] },
              { "id": 3, "sha": "c84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "environment": "production", "created_at": "2026-01-06T09:30:00Z",
                "statuses": [ { "state": "error", "created_at": "2026-01-06T09:40:00Z" } ] }
            ]
            """);

        var deployments = GitHubDeployments.Read(file);

        Assert.That(deployments.Select(deployment => (deployment.Id, deployment.Time.UtcDateTime, deployment.Outcome)), Is.EqualTo(new[]
        {
            ("1", new DateTime(2026, 1, 5, 10, 20, 0), DeploymentOutcome.Succeeded),
            ("3", new DateTime(2026, 1, 6, 9, 40, 0), DeploymentOutcome.Failed),
        }));
    }

    [Test]
    public void A_status_github_does_not_document_is_an_error_naming_its_path()
    {
        using var folder = TemporaryFolder.Create("guardrails-export-");
        var file = folder.Write("deployments.json", """[{ "id": 1, "sha": "abc1234", "created_at": "2026-01-05T10:00:00Z", "statuses": [ { "state": "done", "created_at": "2026-01-05T10:00:00Z" } ] }]""");

        var error = Assert.Throws<DeliveryInputException>(() => GitHubDeployments.Read(file))!;

        Assert.That(error.Finding.Rule, Is.EqualTo(DeliveryRules.MalformedDeployments));
        Assert.That(error.Message, Does.Contain("$[0].statuses").And.Contain("'done'"));
    }

    [Test]
    public void Incident_json_reads_fields_in_any_case_and_an_open_incident_has_no_resolution()
    {
        using var folder = TemporaryFolder.Create("guardrails-export-");
        var file = folder.Write("incidents.json", """
            [ { "Id": "INC-1", "Opened": "2026-01-05T10:00:00+01:00", "Resolved": "2026-01-05T12:00:00+01:00", "Service": "api", "Severity": "sev2", "Deployment": "v1.2.0" },
              { "opened": "2026-01-06T10:00:00Z" } ]
            """);

        var incidents = IncidentExport.Read(file);

        Assert.That(incidents[0], Is.EqualTo(new Incident("INC-1", new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 5, 11, 0, 0, TimeSpan.Zero), "api", "sev2", "v1.2.0")));
        Assert.That((incidents[1].Id, incidents[1].Resolved), Is.EqualTo(("$[1]", (DateTimeOffset?)null)));
    }

    [Test]
    public void An_incident_resolved_before_it_opened_is_refused_at_its_line()
    {
        using var folder = TemporaryFolder.Create("guardrails-export-");
        var file = folder.Write("incidents.csv", "opened,resolved\n2026-01-05T10:00:00Z,2026-01-05T09:00:00Z\n");

        var error = Assert.Throws<DeliveryInputException>(() => IncidentExport.Read(file))!;

        Assert.That((error.Finding.Location.Line, error.Message), Is.EqualTo((2, "'resolved' is before 'opened'.")));
    }
}
