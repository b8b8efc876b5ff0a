using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.Delivery.Git;
using Guardrails.Diagnostics;

namespace Guardrails.Delivery.Deployments;

/// <summary>
/// <c>--deployments-from-tags PATTERN</c>: every tag matching the pattern is a successful deployment,
/// whatever branch it is on. Its time is the tagger date of an annotated tag, or the committer date of
/// the commit a lightweight tag points at (or of an annotated tag without a tagger). One <c>git for-each-ref</c> reads them all.
/// </summary>
public static class TagDeployments
{
    private const string Format = "%(refname:strip=2)%00%(objecttype)%00%(objectname)%00%(*objectname)%00%(*objecttype)%00%(taggerdate:unix)%00%(committerdate:unix)%00%(*committerdate:unix)";

    public static IReadOnlyList<Deployment> Read(GitRepository repository, string pattern)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(pattern);
        var deployments = new List<Deployment>();
        foreach (var line in repository.Git.Stream(["for-each-ref", "--format=" + Format, "refs/tags/" + pattern]))
        {
            var fields = line.Split('\0');
            if (fields.Length != 8)
            {
                continue;
            }

            var (name, type, target, peeled, peeledType, taggerDate, committerDate) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]);
            var isAnnotated = type == "tag";

            // A tag of a tree or blob (or a tag of a tag) marks no release of code.
            if ((isAnnotated && peeledType != "commit") || (!isAnnotated && type != "commit"))
            {
                continue;
            }

            // Some old annotated tags carry no tagger; their commit's date is the best time there is.
            var date = !isAnnotated ? committerDate : taggerDate.Length > 0 ? taggerDate : fields[7];
            var seconds = long.Parse(date, NumberStyles.Integer, CultureInfo.InvariantCulture);
            deployments.Add(new Deployment(
                name,
                DateTimeOffset.FromUnixTimeSeconds(seconds),
                isAnnotated ? peeled : target,
                DeploymentOutcome.Succeeded,
                SourceSpan.WholeFile($"{repository.Path} (tag {name})")));
        }

        if (deployments.Count == 0)
        {
            throw new DeliveryInputException(DeliveryRules.NoDeployments, repository.Location, $"No tag of '{repository.Path}' matches '{pattern}' (git for-each-ref refs/tags/{pattern}). Check the pattern (quote it so the shell does not expand it) and that tags were fetched (git fetch --tags).");
        }

        return deployments;
    }
}
