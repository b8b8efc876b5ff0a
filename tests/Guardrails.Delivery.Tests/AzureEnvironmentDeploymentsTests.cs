using System;
using System.Linq;
using Guardrails.Delivery.Deployments;
using Guardrails.Testing;

namespace Guardrails.Delivery.Tests;

/// <summary>
/// Azure Pipelines environment deployment records as the REST API documents them (EnvironmentDeploymentExecutionRecord),
/// joined with the runs `az pipelines runs list` prints, read as docs/delivery.md says.
/// </summary>
public sealed class AzureEnvironmentDeploymentsTests
{
    private const string Runs = """
        [ { "id": 101, "buildNumber": "20260105.1", "sourceVersion": "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "result": "succeeded" },
          { "id": 102, "buildNumber": "20260106.1", "sourceVersion": "b84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "result": "failed" },
          { "id": 103, "buildNumber": "20260107.1", "sourceVersion": "c84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", "result": "canceled" },
          { "id": 104, "buildNumber": "20260108.1", "sourceVersion": "d84d88e7554fc1fa21bcbc4efae3c782a70d2b9d" },
          { "id": 105, "buildNumber": "20260109.1", "sourceVersion": "e84d88e7554fc1fa21bcbc4efae3c782a70d2b9d" } ]
        """;

    [Test]
    public void The_lifecycle_jobs_of_one_stage_attempt_are_one_deployment_with_its_run_s_commit()
    {
        using var folder = TemporaryFolder.Create("guardrails-azure-");
        var records = folder.Write("records.json", """
            { "count": 3, "value": [
              { "id": 1, "environmentId": 7, "owner": { "id": 101, "name": "20260105.1" }, "definition": { "id": 5, "name": "orders" },
                "planType": "Build", "stageName": "production", "stageAttempt": 1, "jobName": "canary_preDeploy", "jobAttempt": 1,
                "result": "succeeded", "queueTime": "2026-01-05T09:59:00Z", "startTime": "2026-01-05T10:00:00Z", "finishTime": "2026-01-05T10:05:00.123Z" },
              { "id": 2, "environmentId": 7, "owner": { "id": 101 }, "stageName": "production", "stageAttempt": 1, "jobName": "canary_Deploy_25",
                "result": "succeeded", "startTime": "2026-01-05T10:05:00Z", "finishTime": "2026-01-05T10:40:00Z" },
              { "id": 3, "environmentId": 7, "owner": { "id": 101 }, "stageName": "production", "stageAttempt": 1, "jobName": "canary_onSuccess",
                "result": "succeeded", "startTime": "2026-01-05T10:40:00Z", "finishTime": "2026-01-05T10:45:00Z" } ] }
            """);
        var runs = folder.Write("runs.json", Runs);

        var deployments = AzureEnvironmentDeployments.Read(records, runs);

        Assert.That(deployments.Select(deployment => (deployment.Id, deployment.Time.UtcDateTime, deployment.Revision, deployment.Outcome)), Is.EqualTo(new[]
        {
            ("101", new DateTime(2026, 1, 5, 10, 45, 0), "a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d", DeploymentOutcome.Succeeded),
        }));
    }

    [Test]
    public void A_failed_job_or_a_release_cancelled_midway_failed_and_unfinished_or_never_started_attempts_are_left_out()
    {
        using var folder = TemporaryFolder.Create("guardrails-azure-");
        var records = folder.Write("records.json", """
            [ { "owner": { "id": 102 }, "stageName": "production", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-06T10:00:00Z" },
              { "owner": { "id": 102 }, "stageName": "production", "stageAttempt": 1, "result": "failed", "finishTime": "2026-01-06T10:30:00Z" },
              { "owner": { "id": 102 }, "stageName": "production", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-06T10:35:00Z" },
              { "owner": { "id": 102 }, "stageName": "production", "stageAttempt": 2, "result": "succeededWithIssues", "finishTime": "2026-01-06T12:00:00Z" },
              { "owner": { "id": 102 }, "stageName": "production", "stageAttempt": 2, "result": "skipped", "finishTime": "2026-01-06T12:00:01Z" },
              { "owner": { "id": 103 }, "stageName": "production", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-07T10:00:00Z" },
              { "owner": { "id": 103 }, "stageName": "production", "stageAttempt": 1, "result": "canceled", "finishTime": "2026-01-07T10:10:00Z" },
              { "owner": { "id": 104 }, "stageName": "production", "stageAttempt": 1, "result": "canceled", "finishTime": "2026-01-08T10:00:00Z" },
              { "owner": { "id": 105 }, "stageName": "production", "stageAttempt": 1, "result": "succeeded", "finishTime": "2026-01-09T10:00:00Z" },
              { "owner": { "id": 105 }, "stageName": "production", "stageAttempt": 1, "startTime": "2026-01-09T10:00:00Z" } ]
            """);
        var runs = folder.Write("runs.json", Runs);

        var deployments = AzureEnvironmentDeployments.Read(records, runs);

        Assert.That(deployments.Select(deployment => (deployment.Id, deployment.Time.UtcDateTime, deployment.Outcome)), Is.EqualTo(new[]
        {
            ("102", new DateTime(2026, 1, 6, 10, 35, 0), DeploymentOutcome.Failed),
            ("102", new DateTime(2026, 1, 6, 12, 0, 1), DeploymentOutcome.Succeeded),
            ("103", new DateTime(2026, 1, 7, 10, 10, 0), DeploymentOutcome.Failed),
        }));
    }

    [Test]
    public void A_record_whose_run_is_not_in_the_runs_export_names_the_record_and_says_what_to_export()
    {
        using var folder = TemporaryFolder.Create("guardrails-azure-");
        var records = folder.Write("records.json", """[ { "owner": { "id": 101 }, "result": "succeeded", "finishTime": "2026-01-05T10:00:00Z" }, { "owner": { "id": 999 }, "result": "succeeded", "finishTime": "2026-01-05T11:00:00Z" } ]""");
        var runs = folder.Write("runs.json", Runs);

        var error = Assert.Throws<DeliveryInputException>(() => AzureEnvironmentDeployments.Read(records, runs))!;

        Assert.That(error.Finding.Rule, Is.EqualTo(DeliveryRules.MalformedDeployments));
        Assert.That(error.Message, Does.Contain("$[1].owner.id: run 999 is not in the runs export").And.Contain("az pipelines runs list"));
    }

    [Test]
    public void A_result_azure_does_not_document_and_a_run_without_its_commit_are_errors_naming_their_path()
    {
        using var folder = TemporaryFolder.Create("guardrails-azure-");
        var records = folder.Write("records.json", """[ { "owner": { "id": 101 }, "result": "done", "finishTime": "2026-01-05T10:00:00Z" } ]""");
        var runs = folder.Write("runs.json", Runs);
        var runsWithoutCommit = folder.Write("runs-without-commit.json", """{ "count": 1, "value": [ { "id": 101 } ] }""");

        var result = Assert.Throws<DeliveryInputException>(() => AzureEnvironmentDeployments.Read(records, runs))!;
        var commit = Assert.Throws<DeliveryInputException>(() => AzureEnvironmentDeployments.Read(records, runsWithoutCommit))!;

        Assert.That(result.Message, Does.Contain("$[0].result: 'done' is not a result Azure DevOps documents"));
        Assert.That(commit.Message, Does.Contain("$.value[0].sourceVersion: is missing"));
    }
}
