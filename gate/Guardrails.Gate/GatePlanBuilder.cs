using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Guardrails.Diagnostics;
using Guardrails.Gate.Prometheus;
using Guardrails.Gate.PromQl;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// Turns <see cref="GateOptions"/> into a <see cref="GatePlan"/>, collecting every configuration problem at
/// once (so one run shows all of them) instead of stopping at the first. The option values are checked by
/// <see cref="GateOptionChecks"/>, the same checks the pipeline templates apply to their gate defaults.
/// </summary>
public sealed class GatePlanBuilder
{
    private readonly GateOptions options;
    private readonly Func<string, string?> environment;
    private readonly List<GateProblem> problems = [];
    private readonly List<Finding> sloFindings = [];

    /// <param name="options">The options; blank optional values (a pipeline's unset variable) count as not given.</param>
    /// <param name="environment">Reads an environment variable (the bearer token, the CI system's commit).</param>
    public GatePlanBuilder(GateOptions options, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options with
        {
            SloName = Given(options.SloName),
            LatencySloName = Given(options.LatencySloName),
            TrafficQuery = Given(options.TrafficQuery),
            BearerTokenEnv = Given(options.BearerTokenEnv),
            CaBundle = Given(options.CaBundle),
            Record = Given(options.Record),
            ServiceVersion = Given(options.ServiceVersion),
            VersionLabel = Given(options.VersionLabel),
            Step = Given(options.Step),
            Slo = [.. options.Slo.Where(path => Given(path) is not null)],
        };
        this.environment = environment;
    }

    public IReadOnlyList<GateProblem> Problems => problems;

    /// <summary>What the SLO validator reported about the files (errors and warnings alike).</summary>
    public IReadOnlyList<Finding> SloFindings => sloFindings;

    /// <summary>The plan, or null when <see cref="Problems"/> says why not.</summary>
    public GatePlan? Build()
    {
        var values = GateOptionChecks.Read(options, problems);
        var connection = Connection();
        var files = SloSelection.ExpandPaths(options.Slo, problems);
        if (problems.Count > 0 || values.Window is not { } window || values.Selector is not { } checkedSelector)
        {
            return null;
        }

        var selector = WithVersion(checkedSelector);

        var slos = SloSelection.Load(files, problems, sloFindings);
        if (problems.Count > 0)
        {
            return null;
        }

        var primary = SloSelection.Pick(slos, options.SloName, GateOptionNames.SloName, files, problems);
        var latency = options.LatencySloName is null ? null : SloSelection.Pick(slos, options.LatencySloName, GateOptionNames.LatencySloName, files, problems);
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
            options.ServiceVersion ?? Given(environment("GITHUB_SHA")) ?? Given(environment("BUILD_SOURCEVERSION")) ?? "unknown",
            options.Step,
            queries,
            trafficQuery,
            options.MaxBurnRate,
            options.MinRequests,
            new AnalysisLimits(options.Samples, options.FailureLimit, options.ErrorLimit, options.InconclusiveLimit, values.OnNoData!.Value),
            new GateSchedule(values.Interval!.Value, values.Deadline!.Value, values.WarmUp!.Value),
            window,
            selector.MatcherList,
            connection!,
            new QueryResilience(values.QueryTimeout!.Value, options.QueryRetries, values.RetryDelay!.Value),
            options.Record);
    }

    /// <summary>
    /// The selector with <c>&lt;version label&gt;="&lt;service version&gt;"</c> added when both are given and the selector
    /// does not already match on that label: a canary started right after a failed one must not be judged by the
    /// failed one's series, which stay in the window for as long as it lasts.
    /// </summary>
    private LabelSelector WithVersion(LabelSelector selector) =>
        options.VersionLabel is { } label && options.ServiceVersion is { } version && selector.Matchers.All(matcher => matcher.Name != label)
            ? selector.With(LabelMatcher.Equal(label, version))
            : selector;

    private PrometheusConnection? Connection()
    {
        if (!Uri.TryCreate(options.Prometheus, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"{GateOptionNames.Prometheus} '{options.Prometheus}' is not an absolute http or https URL such as http://prometheus:9090."));
            return null;
        }

        string? token = null;
        if (options.BearerTokenEnv is { } variable)
        {
            token = environment(variable);
            if (string.IsNullOrEmpty(token))
            {
                problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"{GateOptionNames.BearerTokenEnv} names {variable}, which is not set or empty. Set it from the pipeline's secret, or drop the option."));
            }
        }

        X509Certificate2Collection? authorities = null;
        if (options.CaBundle is { } bundle)
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
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"{GateOptionNames.CaBundle} cannot be read as PEM certificates: {exception.Message}", SourceSpan.WholeFile(bundle)));
            return null;
        }

        if (authorities.Count == 0)
        {
            problems.Add(new GateProblem(GateRules.InvalidPrometheusConnection, $"{GateOptionNames.CaBundle} holds no '-----BEGIN CERTIFICATE-----' block.", SourceSpan.WholeFile(bundle)));
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
        if (options.TrafficQuery is { } explicitQuery)
        {
            try
            {
                return CanaryBurnRateQuery.Restrict(explicitQuery, window, selector);
            }
            catch (PromQlSyntaxException exception)
            {
                problems.Add(new GateProblem(GateRules.InvalidOption, $"{GateOptionNames.TrafficQuery} cannot be restricted to the canary: {exception.Message}."));
                return null;
            }
        }

        if (queries.Count > 0 && queries[0].TotalQuery is { } totalQuery)
        {
            return totalQuery;
        }

        if (options.MinRequests > 0 && primary.Sli is SliQuery.Raw)
        {
            problems.Add(new GateProblem(
                GateRules.TrafficFloorWithoutTrafficQuery,
                Format($"SLO '{primary.Id}' gives only an error-ratio query, so the gate cannot count the canary's requests for {GateOptionNames.MinRequests} {options.MinRequests}. Pass {GateOptionNames.TrafficQuery} 'sum(rate(http_requests_total[{{{{.window}}}}]))' or {GateOptionNames.MinRequests} 0."),
                primary.Source));
        }

        return null;
    }

    private static string? Given(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
