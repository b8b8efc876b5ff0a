using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Guardrails.Slo.Benchmarks;

/// <summary>
/// One complete runbook per service of a <see cref="SloCorpus"/>, under <c>docs/runbooks/</c> beside it, with
/// the headings its SLOs and alerts link to (<c>#availability</c>, <c>#latency</c>, <c>#fast-burn</c>); each
/// about 1.5 KB, front matter and all six required sections.
/// </summary>
public sealed class RunbookCorpus
{
    public RunbookCorpus(string root, int serviceCount)
    {
        var folder = Path.Combine(root, "docs", "runbooks");
        Directory.CreateDirectory(folder);
        var files = new List<string>(serviceCount);
        for (var index = 0; index < serviceCount; index++)
        {
            var service = "service-" + index.ToString(CultureInfo.InvariantCulture);
            var path = Path.Combine(folder, service + ".md");
            File.WriteAllText(path, Runbook(service));
            files.Add(path);
        }

        Files = files;
    }

    public IReadOnlyList<string> Files { get; }

    private static string Runbook(string service) => """
        ---
        owner: team-__SERVICE__
        ---
        # __SERVICE__

        ## Summary

        __SERVICE__ fails or slows down; its callers retry and then give up.

        ## Impact

        Requests to __SERVICE__ fail. Each minute of full outage costs about 40 orders.

        ## Diagnosis

        ### Availability

        Open the "__SERVICE__" dashboard and compare the 5xx rate of the canary and the stable pods.

        ### Latency

        Check the p99 of `http_request_duration_seconds` by route; a slow dependency shows first.

        ### Fast burn

        The page alert fired: the error budget burns 14 times too fast. Treat it as an outage.

        ## Mitigation

        - Scale out the `__SERVICE__` deployment.
        - Turn off the newest feature flag.

        ## Rollback

        Run the release pipeline's "rollback" stage; it restores the previous version in under two minutes.

        ## Escalation

        Page `@__SERVICE__-oncall`; after 15 minutes without progress, the engineering lead.
        """.Replace("__SERVICE__", service, System.StringComparison.Ordinal);
}
