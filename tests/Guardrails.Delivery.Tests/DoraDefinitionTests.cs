using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Delivery.Deployments;
using Guardrails.Delivery.Dora;
using Guardrails.Delivery.Git;
using Guardrails.Delivery.Incidents;

namespace Guardrails.Delivery.Tests;

/// <summary>Every definition of docs/delivery.md, checked by hand on <see cref="SmallHistory"/>.</summary>
public sealed class DoraDefinitionTests
{
    private static readonly DateTimeOffset Since = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = new(2026, 1, 19, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void Tag_deployments_use_the_tagger_date_of_annotated_tags_and_the_commit_date_of_lightweight_ones()
    {
        using var history = new SmallHistory();
        var deployments = TagDeployments.Read(GitRepository.Open(history.Path), "v*").OrderBy(deployment => deployment.Time).ToList();

        Assert.That(deployments.Select(deployment => deployment.Id), Is.EqualTo(new[] { "v0.1", "v0.2", "v0.3", "v0.4" }));
        Assert.That(deployments.Select(deployment => deployment.Time.UtcDateTime), Is.EqualTo(new[]
        {
            new DateTime(2026, 1, 5, 10, 0, 0), new DateTime(2026, 1, 7, 12, 0, 0), new DateTime(2026, 1, 13, 10, 0, 0), new DateTime(2026, 1, 15, 12, 0, 0),
        }));
    }

    [Test]
    public void Lead_times_are_per_change_between_consecutive_deployments_with_median_and_nearest_rank_p90()
    {
        using var history = new SmallHistory();
        var report = Compute(history, TagsOf(history), []);

        // Week of the 5th: v0.2's changes 28 h and 4 h (v0.1 is the first deployment: its changes are not counted).
        var first = report.Weeks[0].Metrics;
        Assert.That((first.Deployments, first.Changes, first.LeadTimeHours.Median, first.LeadTimeHours.P90), Is.EqualTo((2, 2, 16.0, 28.0)));

        // Week of the 12th: v0.3 (merge: f1 121, c4 120, m 96) and v0.4 (rebased r1' 3 by committer date, c5 0).
        var second = report.Weeks[1].Metrics;
        Assert.That((second.Deployments, second.Changes, second.LeadTimeHours.Median, second.LeadTimeHours.P90), Is.EqualTo((2, 5, 96.0, 121.0)));

        // Whole period: 0 3 4 28 96 120 121 -> median 28; p90 rank ceil(6.3) = 7 -> 121.
        Assert.That((report.Totals.Metrics.LeadTimeHours.Median, report.Totals.Metrics.LeadTimeHours.P90), Is.EqualTo((28.0, 121.0)));
        Assert.That(report.Totals.DeploymentsPerWeek, Is.EqualTo(2.0));
    }

    [Test]
    public void Changes_of_a_merge_deployment_match_git_rev_list()
    {
        using var history = new SmallHistory();
        var counted = history.Git.Git(null, "rev-list", "--count", "v0.3", "^v0.2").Trim();
        var report = Compute(history, TagsOf(history).Where(deployment => deployment.Id is "v0.2" or "v0.3").ToList(), []);

        Assert.That(report.Totals.Metrics.Changes.ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(counted));
    }

    [Test]
    public void Since_is_inclusive_and_until_exclusive()
    {
        using var history = new SmallHistory();
        var exactlyAtV02 = new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero);
        var report = DoraCalculator.Compute(GitRepository.Open(history.Path), TagsOf(history), [], new ReportWindow(exactlyAtV02, new DateTimeOffset(2026, 1, 13, 10, 0, 0, TimeSpan.Zero), null));

        // v0.2 at the since instant counts; v0.3 at the until instant does not.
        Assert.That(report.Totals.Metrics.Deployments, Is.EqualTo(1));
        Assert.That(report.Weeks.Select(week => week.Start), Is.EqualTo(new[] { new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 12) }));
    }

    [Test]
    public void A_failed_deployment_is_skipped_as_the_base_of_the_next_and_counts_toward_the_change_failure_rate()
    {
        using var history = new SmallHistory();
        var tags = TagsOf(history);
        var failedV03 = tags.Select(deployment => deployment.Id == "v0.3" ? deployment with { Outcome = DeploymentOutcome.Failed } : deployment).ToList();
        var report = Compute(history, failedV03, []);

        // v0.4's base is v0.2 (the previous successful): f1 171, c4 170, m 146, r1' 3, c5 0 hours (deployed 15th 12:00).
        var second = report.Weeks[1].Metrics;
        Assert.That((second.FailedDeployments, second.Changes, second.LeadTimeHours.Median, second.ChangeFailureRate), Is.EqualTo((1, 5, 146.0, 0.5)));
    }

    [Test]
    public void Incidents_link_to_deployments_give_restore_times_and_split_their_minutes_across_weeks()
    {
        using var history = new SmallHistory();
        var incidents = new List<Incident>
        {
            new("INC-1", At(13, 11, 0), At(13, 13, 30), "api", "sev2", "v0.3"),
            new("INC-2", At(11, 23, 0), At(12, 1, 0), "api", "sev3", null),
            new("INC-3", At(15, 0, 0), At(15, 1, 0), "api", "sev3", history.C5[..8]),
        };
        var report = Compute(history, TagsOf(history), incidents, baseline: At(12, 0, 0));

        Assert.That(report.Weeks[0].Metrics.IncidentMinutes, Is.EqualTo(60));
        Assert.That(report.Weeks[1].Metrics.IncidentMinutes, Is.EqualTo(60 + 150 + 60));
        Assert.That(report.Weeks[0].Metrics.RestoreHours.Median, Is.EqualTo(2.0));
        Assert.That(report.Weeks[1].Metrics.RestoreHours.Median, Is.EqualTo(1.75));
        Assert.That(report.Weeks[1].Metrics.ChangeFailureRate, Is.EqualTo(1.0), "v0.3 by id and v0.4 by commit hash prefix");
        Assert.That(report.Totals.Metrics.ChangeFailureRate, Is.EqualTo(0.5));
        Assert.That(report.Baseline!.Metrics.Deployments, Is.EqualTo(2));
        Assert.That(report.After!.Metrics.DeploymentsLinkedToIncidents, Is.EqualTo(2));
        Assert.That(report.After.Bands.ChangeFailureRate, Is.EqualTo(PerformanceBand.Low));
    }

    [Test]
    public void An_open_incident_counts_its_minutes_until_the_end_of_the_report()
    {
        using var history = new SmallHistory();
        var report = Compute(history, TagsOf(history), [new Incident("INC-9", At(18, 23, 0), null, null, null, null)]);

        Assert.That(report.Weeks[1].Metrics.IncidentMinutes, Is.EqualTo(60));
        Assert.That(report.Weeks[1].Metrics.RestoreHours.Median, Is.Null);
    }

    [TestCase(new double[] { 5 }, 5, 5)]
    [TestCase(new double[] { 4, 28 }, 16, 28)]
    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5.5, 9)]
    [TestCase(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 }, 6, 10)]
    public void Median_and_p90_follow_the_documented_rules(double[] values, double median, double p90)
    {
        var percentiles = Percentiles.Of(values);

        Assert.That((percentiles.Median, percentiles.P90), Is.EqualTo(((double?)median, (double?)p90)));
    }

    [TestCase(7.0, 23.9, 0.05, 0.9, PerformanceBand.Elite)]
    [TestCase(1.0, 24.0, 0.10, 1.0, PerformanceBand.High)]
    [TestCase(0.25, 168.0, 0.15, 167.0, PerformanceBand.Medium)]
    [TestCase(0.2, 720.0, 0.16, 168.0, PerformanceBand.Low)]
    public void Bands_follow_the_documented_thresholds(double perWeek, double lead, double rate, double restore, PerformanceBand expected)
    {
        var bands = DoraBands.Of(perWeek, lead, rate, restore);

        Assert.That(new[] { bands.DeploymentFrequency, bands.LeadTime, bands.ChangeFailureRate, bands.TimeToRestore }, Is.All.EqualTo(expected));
    }

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 1, day, hour, minute, 0, TimeSpan.Zero);

    private static List<Deployment> TagsOf(SmallHistory history) => TagDeployments.Read(GitRepository.Open(history.Path), "v*").ToList();

    private static DoraReport Compute(SmallHistory history, IReadOnlyList<Deployment> deployments, IReadOnlyList<Incident> incidents, DateTimeOffset? baseline = null) =>
        DoraCalculator.Compute(GitRepository.Open(history.Path), deployments, incidents, new ReportWindow(Since, Until, baseline));
}
