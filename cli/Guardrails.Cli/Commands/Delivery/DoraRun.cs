using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Delivery;
using Guardrails.Delivery.Deployments;
using Guardrails.Delivery.Dora;
using Guardrails.Delivery.Git;
using Guardrails.Delivery.Incidents;
using Guardrails.Delivery.Reports;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary><c>guardrails dora</c>: reads the inputs, computes the report, writes it. Exit 0, or 2 with a GR6xxx error.</summary>
internal sealed class DoraRun(TextWriter output, TextWriter error, TimeProvider clock)
{
    public const int InputErrorExitCode = 2;

    public int Run(DoraSettings settings)
    {
        try
        {
            var format = DeliveryOptions.Choice<ReportFormat>("--format", settings.Format);
            var window = ReportWindow.Create(
                DeliveryOptions.Date("--since", settings.Since),
                DeliveryOptions.Date("--until", settings.Until),
                DeliveryOptions.Date("--baseline-until", settings.BaselineUntil),
                clock.GetUtcNow());
            if (settings.TagPattern is null && settings.DeploymentRecords is null && settings.GitHubDeployments is null && settings.AzureDeployments is null)
            {
                throw new DeliveryInputException("Name where deployments come from: --deployments-from-tags 'v*', --deployment-records PATH, --github-deployments FILE or --azure-deployments FILE with --azure-runs FILE (they can be combined).");
            }

            if ((settings.AzureDeployments is null) != (settings.AzureRuns is null))
            {
                throw new DeliveryInputException("--azure-deployments and --azure-runs go together: the deployment records name their runs, and the runs export (az pipelines runs list --output json) gives each run's commit.");
            }

            var repository = GitRepository.Open(settings.Repository);
            var deployments = new List<Deployment>();
            if (settings.TagPattern is not null)
            {
                deployments.AddRange(TagDeployments.Read(repository, settings.TagPattern));
            }

            if (settings.DeploymentRecords is not null)
            {
                deployments.AddRange(GateRecordDeployments.Read(settings.DeploymentRecords, settings.RecordRevision ?? GateRecordDeployments.DefaultRevisionFormat));
            }

            if (settings.GitHubDeployments is not null)
            {
                deployments.AddRange(GitHubDeployments.Read(settings.GitHubDeployments, settings.Environment));
            }

            if (settings.AzureDeployments is not null)
            {
                deployments.AddRange(AzureEnvironmentDeployments.Read(settings.AzureDeployments, settings.AzureRuns!));
            }

            var incidents = settings.Incidents is null ? [] : IncidentExport.Read(settings.Incidents);
            var report = DoraCalculator.Compute(repository, deployments, incidents, window);
            var text = format switch
            {
                ReportFormat.Json => JsonDoraReport.Write(report),
                ReportFormat.Csv => CsvDoraReport.Write(report),
                ReportFormat.Html => HtmlDoraReport.Write(report),
                _ => MarkdownDoraReport.Write(report),
            };
            ReportOutput.Write(settings.Out, text, output);
            return 0;
        }
        catch (DeliveryInputException exception)
        {
            error.WriteLine(exception.Finding);
            return InputErrorExitCode;
        }
        catch (GitCommandException exception)
        {
            error.WriteLine($"guardrails dora: error {DeliveryRules.GitUnavailable.Id}: {exception.Message}");
            return InputErrorExitCode;
        }
    }
}
