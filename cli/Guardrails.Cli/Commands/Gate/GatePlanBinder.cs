using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Guardrails.Gate;
using Guardrails.Gate.Prometheus;
using Guardrails.Gate.PromQl;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>
/// Turns the command line into a <see cref="GatePlan"/>, collecting every configuration problem at once
/// (so one run shows all of them) instead of stopping at the first.
/// </summary>
internal sealed class GatePlanBinder
{
    private readonly GateCommandSettings settings;
    private readonly Func<string, string?> environment;
    private readonly List<GateProblem> problems = [];
    private readonly List<Finding> sloFindings = [];

    public GatePlanBinder(GateCommandSettings settings, Func<string, string?> environment)
    {
        // Pipelines pass every option from a variable, so an unset one arrives as an empty string: that means "not given".
        settings.SloName = Given(settings.SloName);
        settings.LatencySloName = Given(settings.LatencySloName);
        settings.TrafficQuery = Given(settings.TrafficQuery);
        settings.BearerTokenEnv = Given(settings.BearerTokenEnv);
        settings.CaBundle = Given(settings.CaBundle);
        settings.Record = Given(settings.Record);
        settings.ServiceVersion = Given(settings.ServiceVersion);
        settings.Step = Given(settings.Step);
        settings.Slo = [.. settings.Slo.Where(path => Given(path) is not null)];
        this.settings = settings;
        this.environment = environment;
    }

    public IReadOnlyList<GateProblem> Problems => problems;

    /// <summary>What the SLO validator reported about the files (errors and warnings alike).</summary>
    public IReadOnlyList<Finding> SloFindings => sloFindings;

    /// <summary>The plan, or null when <see cref="Problems"/> says why not.</summary>
    public GatePlan? Bind()
    {
        var window = Duration(settings.Window, "--window");
        var interval = Duration(settings.Interval, "--interval");
        var queryTimeout = Duration(settings.QueryTimeout, "--query-timeout");
        var retryDelay = Duration(settings.RetryDelay, "--retry-delay");
        var deadline = Duration(settings.Deadline, "--deadline");
        var policy = NoDataPolicyOption();
        CheckNumbers();
        var selector = Selector();
        var connection = Connection();
        if (interval is not null && deadline is not null && settings.Samples >= 1 && interval.Value * (settings.Samples - 1) >= deadline.Value)
        {
            problems.Add(new GateProblem(GateRules.ScheduleExceedsDeadline, Format(
                $"--samples {settings.Samples} every --interval {interval} need {PrometheusDuration.Format(interval.Value * (settings.Samples - 1))} after the first read, which does not fit in --deadline {deadline}. Raise --deadline or lower --samples or --interval.")));
        }

        var files = SloSelection.ExpandPaths(settings.Slo, problems);
        if (problems.Count > 0 || window is null || selector is null)
        {
            return null;
        }

        var slos = SloSelection.Load(files, problems, sloFindings);
        if (problems.Count > 0)
        {
            return null;
        }

        var primary = SloSelection.Pick(slos, settings.SloName, "--slo-name", files, problems);
        var latency = settings.LatencySloName is null ? null : SloSelection.Pick(slos, settings.LatencySloName, "--latency-slo-name", files, problems);
        if (primary is null || problems.Count > 0)
        {
            return null;
        }

        var queries = new List<CanaryBurnRateQuery>();
        foreach (var slo in latency is null ? [primary] : new[] { primary, latency })
        {
            if (Query(slo, window, selector) is { } query)
            {
                queries.Add(query);
            }
        }

        var trafficQuery = TrafficQuery(primary, queries, window, selector);
        if (problems.Count > 0)
        {
            return null;
        }

        return new GatePlan(
            primary.Service,
            settings.ServiceVersion ?? Given(environment("GITHUB_SHA")) ?? Given(environment("BUILD_SOURCEVERSION")) ?? "unknown",
            settings.Step,
            queries,
            trafficQuery,
            settings.MaxBurnRate,
            settings.MinRps,
            new AnalysisLimits(settings.Samples, settings.FailureLimit, settings.ErrorLimit, settings.InconclusiveLimit, policy!.Value),
            new GateSchedule(interval!.Value, deadline!.Value),
            window,
            selector.MatcherList,
            connection!,
            new QueryResilience(queryTimeout!.Value, settings.QueryRetries, retryDelay!.Value),
            settings.Record);
    }

    private PrometheusDuration? Duration(string text, string option)
    {
        if (PrometheusDuration.TryParse(text, out var duration))
        {
            return duration;
        }

        problems.Add(new GateProblem(GateRules.InvalidOption, $"{option} '{text}' is not a positive Prometheus duration such as 200ms, 30s, 5m or 1h30m."));
        return null;
    }

    private NoDataPolicy? NoDataPolicyOption()
    {
        switch (settings.OnNoData)
        {
            case "fail":
                return NoDataPolicy.Fail;
            case "pass":
                return NoDataPolicy.Pass;
            case "inconclusive":
                return NoDataPolicy.Inconclusive;
            default:
                problems.Add(new GateProblem(GateRules.InvalidOption, $"--on-no-data '{settings.OnNoData}' is not one of fail, pass, inconclusive."));
                return null;
        }
    }

    private void CheckNumbers()
    {
        Require(settings.Samples >= 1, Format($"--samples {settings.Samples} must be at least 1."));
        Require(settings.FailureLimit >= 0, Format($"--failure-limit {settings.FailureLimit} must be 0 or more."));
        Require(settings.ErrorLimit >= 0, Format($"--error-limit {settings.ErrorLimit} must be 0 or more."));
        Require(settings.InconclusiveLimit >= 0, Format($"--inconclusive-limit {settings.InconclusiveLimit} must be 0 or more."));
        Require(settings.QueryRetries is >= 0 and <= 10, Format($"--query-retries {settings.QueryRetries} must be between 0 and 10."));
        Require(double.IsFinite(settings.MaxBurnRate) && settings.MaxBurnRate > 0, Format($"--max-burn-rate {settings.MaxBurnRate} must be a positive number (1 spends the budget exactly over the SLO window)."));
        Require(double.IsFinite(settings.MinRps) && settings.MinRps >= 0, Format($"--min-rps {settings.MinRps} must be 0 or more."));
    }

    private void Require(bool condition, string message)
    {
        if (!condition)
        {
            problems.Add(new GateProblem(GateRules.InvalidOption, message));
        }
    }

    private LabelSelector? Selector()
    {
        try
        {
            return LabelSelector.Parse(settings.Selector);
        }
        catch (PromQlSyntaxException exception)
        {
            problems.Add(new GateProblem(GateRules.InvalidSelector, $"--selector '{settings.Selector}': {exception.Message}. Write PromQL matchers such as track=\"canary\" or track=\"canary\",app=\"checkout\"."));
            return null;
        }
    }

    private PrometheusConnection? Connection()
    {
        if (!Uri.TryCreate(settings.Prometheus, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"--prometheus '{settings.Prometheus}' is not an absolute http or https URL such as http://prometheus:9090."));
            return null;
        }

        string? token = null;
        if (settings.BearerTokenEnv is { } variable)
        {
            token = environment(variable);
            if (string.IsNullOrEmpty(token))
            {
                problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"--bearer-token-env names {variable}, which is not set or empty. Set it from the pipeline's secret, or drop the option."));
            }
        }

        X509Certificate2Collection? authorities = null;
        if (settings.CaBundle is { } bundle)
        {
            authorities = CertificateAuthorities(bundle);
        }

        return new PrometheusConnection(address, token, authorities);
    }

    private X509Certificate2Collection? CertificateAuthorities(string bundle)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(bundle);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"--ca-bundle cannot be read as PEM certificates: {exception.Message}", SourceSpan.WholeFile(bundle)));
            return null;
        }

        if (authorities.Count == 0)
        {
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, "--ca-bundle holds no '-----BEGIN CERTIFICATE-----' block.", SourceSpan.WholeFile(bundle)));
            return null;
        }

        return authorities;
    }

    private CanaryBurnRateQuery? Query(PrometheusSlo slo, PrometheusDuration window, LabelSelector selector)
    {
        var where = slo.Source;
        if (!(slo.Objective > 0 && slo.Objective < 1))
        {
            problems.Add(new GateProblem(GateRules.NoErrorBudget, Format($"SLO '{slo.Id}' has objective {slo.Objective}; a burn rate needs an error budget, 1 - objective, above 0. Use an objective below 100 %."), where));
            return null;
        }

        try
        {
            return CanaryBurnRateQuery.For(slo, window, selector);
        }
        catch (PromQlSyntaxException exception)
        {
            problems.Add(new GateProblem(GateRules.SliQueryNotRestrictable, $"SLO '{slo.Id}': the SLI query cannot be restricted to the canary with {selector}: {exception.Message}.", where));
            return null;
        }
    }

    private string? TrafficQuery(PrometheusSlo primary, List<CanaryBurnRateQuery> queries, PrometheusDuration window, LabelSelector selector)
    {
        if (settings.TrafficQuery is { } explicitQuery)
        {
            try
            {
                return CanaryBurnRateQuery.Restrict(explicitQuery, window, selector);
            }
            catch (PromQlSyntaxException exception)
            {
                problems.Add(new GateProblem(GateRules.InvalidOption, $"--traffic-query cannot be restricted to the canary: {exception.Message}."));
                return null;
            }
        }

        if (queries.Count > 0 && queries[0].TotalQuery is { } totalQuery)
        {
            return totalQuery;
        }

        if (settings.MinRps > 0 && primary.Sli is SliQuery.Raw)
        {
            problems.Add(new GateProblem(
                GateRules.TrafficFloorWithoutTrafficQuery,
                Format($"SLO '{primary.Id}' gives only an error-ratio query, so the gate cannot see the canary's traffic for --min-rps {settings.MinRps}. Pass --traffic-query 'sum(rate(http_requests_total[{{{{.window}}}}]))' or --min-rps 0."),
                primary.Source));
        }

        return null;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
