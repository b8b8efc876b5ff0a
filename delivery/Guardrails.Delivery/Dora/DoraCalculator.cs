using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Delivery.Deployments;
using Guardrails.Delivery.Git;
using Guardrails.Delivery.Incidents;

namespace Guardrails.Delivery.Dora;

/// <summary>
/// Computes the report exactly as docs/delivery.md defines it. Deployments are ordered by time (then id);
/// a successful deployment's changes are the commits reachable from its commit and not from the commit of
/// the successful deployment before it, each with lead time = deployment time − committer date. The first
/// successful deployment has no deployment before it: it counts as a deployment but its changes (all of
/// history) are not counted. A deployment belongs to the period its time falls in.
/// </summary>
public static class DoraCalculator
{
    public static DoraReport Compute(GitRepository repository, IReadOnlyList<Deployment> deployments, IReadOnlyList<Incident> incidents, ReportWindow window)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(deployments);
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(window);

        var ordered = deployments.OrderBy(deployment => deployment.Time).ThenBy(deployment => deployment.Id, StringComparer.Ordinal).ToList();
        var commits = repository.ResolveCommits(ordered.Select(deployment => deployment.Revision).ToList());
        foreach (var deployment in ordered.Where(deployment => commits[deployment.Revision] is null))
        {
            throw new DeliveryInputException(DeliveryRules.RevisionNotFound, deployment.Source, $"Deployment '{deployment.Id}' names revision '{deployment.Revision}', which is not a commit in '{repository.Path}'. Fetch it (git fetch --tags origin), or fix the export; for gate records, --record-revision says which tag a version was built from.");
        }

        var graph = CommitGraph.Load(repository, commits.Values.OfType<string>().Distinct(StringComparer.Ordinal).ToList());
        var walker = new ChangeWalker(graph);
        var events = new List<DeploymentEvent>(ordered.Count);
        int? previousSuccessful = null;
        foreach (var deployment in ordered)
        {
            var commit = graph.IndexOf(commits[deployment.Revision]!);
            var leadTimes = new List<double>();
            var inWindow = deployment.Time >= window.Since && deployment.Time < window.Until;
            if (deployment.Outcome == DeploymentOutcome.Succeeded)
            {
                if (inWindow && previousSuccessful is { } previous)
                {
                    foreach (var change in walker.Changes(commit, previous))
                    {
                        // Clock skew can put a commit after its deployment; such a change waited no time.
                        leadTimes.Add(Math.Max(0, (deployment.Time - graph.CommitterDate(change)).TotalHours));
                    }
                }

                previousSuccessful = commit;
            }

            events.Add(new DeploymentEvent(deployment, graph.HashOf(commit), leadTimes));
        }

        MarkLinkedToIncidents(events, incidents);
        var weeks = new List<DoraWeek>();
        for (var start = IsoWeek.StartOf(window.Since); start < window.Until; start = start.AddDays(7))
        {
            var from = start < window.Since ? window.Since : start;
            var to = start.AddDays(7) > window.Until ? window.Until : start.AddDays(7);
            weeks.Add(new DoraWeek(DateOnly.FromDateTime(start.UtcDateTime), Metrics(events, incidents, from, to, window.Until)));
        }

        DoraPeriodTotals? baseline = null;
        DoraPeriodTotals? after = null;
        if (window.BaselineUntil is { } boundary)
        {
            baseline = Totals(events, incidents, window.Since, boundary, window.Until);
            after = Totals(events, incidents, boundary, window.Until, window.Until);
        }

        return new DoraReport(window.Since, window.Until, window.BaselineUntil, weeks, Totals(events, incidents, window.Since, window.Until, window.Until), baseline, after);
    }

    private static DoraPeriodTotals Totals(List<DeploymentEvent> events, IReadOnlyList<Incident> incidents, DateTimeOffset from, DateTimeOffset to, DateTimeOffset reportEnd)
    {
        var metrics = Metrics(events, incidents, from, to, reportEnd);
        var perWeek = metrics.Deployments / ((to - from).TotalDays / 7);
        return new DoraPeriodTotals(from, to, metrics, perWeek, DoraBands.Of(perWeek, metrics.LeadTimeHours.Median, metrics.ChangeFailureRate, metrics.RestoreHours.Median));
    }

    private static DoraMetrics Metrics(List<DeploymentEvent> events, IReadOnlyList<Incident> incidents, DateTimeOffset from, DateTimeOffset to, DateTimeOffset reportEnd)
    {
        var inPeriod = events.Where(item => item.Deployment.Time >= from && item.Deployment.Time < to).ToList();
        var failed = inPeriod.Count(item => item.Deployment.Outcome == DeploymentOutcome.Failed);
        var changeFailures = inPeriod.Count(item => item.Deployment.Outcome == DeploymentOutcome.Failed || item.LinkedToIncident);
        var leadTimes = inPeriod.SelectMany(item => item.LeadTimeHours).ToList();
        var opened = incidents.Where(incident => incident.Opened >= from && incident.Opened < to).ToList();
        var restore = opened.Where(incident => incident.Resolved is not null).Select(incident => (incident.Resolved!.Value - incident.Opened).TotalHours);
        var minutes = incidents.Sum(incident => Overlap(incident.Opened, incident.Resolved ?? reportEnd, from, to).TotalMinutes);
        return new DoraMetrics(
            inPeriod.Count,
            failed,
            inPeriod.Count(item => item.LinkedToIncident),
            leadTimes.Count,
            Percentiles.Of(leadTimes),
            inPeriod.Count == 0 ? null : (double)changeFailures / inPeriod.Count,
            opened.Count,
            Percentiles.Of(restore),
            minutes);
    }

    private static TimeSpan Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var overlap = (end < to ? end : to) - (start > from ? start : from);
        return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
    }

    /// <summary>An incident names its deployment by id (tag, service@version, GitHub id) or by a commit hash of 7 or more characters.</summary>
    private static void MarkLinkedToIncidents(List<DeploymentEvent> events, IReadOnlyList<Incident> incidents)
    {
        var byId = events.ToLookup(item => item.Deployment.Id, StringComparer.OrdinalIgnoreCase);
        foreach (var named in incidents.Select(incident => incident.Deployment).OfType<string>())
        {
            foreach (var item in byId[named])
            {
                item.LinkedToIncident = true;
            }

            if (named.Length >= 7 && named.All(Uri.IsHexDigit))
            {
                foreach (var item in events.Where(item => item.Commit.StartsWith(named, StringComparison.OrdinalIgnoreCase)))
                {
                    item.LinkedToIncident = true;
                }
            }
        }
    }

    private sealed class DeploymentEvent(Deployment deployment, string commit, List<double> leadTimeHours)
    {
        public Deployment Deployment { get; } = deployment;

        public string Commit { get; } = commit;

        public List<double> LeadTimeHours { get; } = leadTimeHours;

        public bool LinkedToIncident { get; set; }
    }
}
