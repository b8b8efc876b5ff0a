using Guardrails.Diagnostics;

namespace Guardrails.Delivery;

/// <summary>
/// The GR6xxx diagnostics: input and configuration errors of <c>guardrails dora</c>, <c>pr-size</c> and
/// <c>wip</c>, reported with exit code 2. IDs are never reused; each has <c>docs/rules/&lt;Id&gt;.md</c>.
/// </summary>
public static class DeliveryRules
{
    public static readonly Rule GitUnavailable = new("GR6001", "git cannot read the repository");

    public static readonly Rule ShallowClone = new("GR6002", "The repository is a shallow clone");

    public static readonly Rule EmptyRepository = new("GR6003", "The repository has no commits");

    public static readonly Rule RevisionNotFound = new("GR6004", "A revision named by a deployment or an option is not in the repository");

    public static readonly Rule MalformedDeployments = new("GR6005", "A deployment export or record cannot be read");

    public static readonly Rule MalformedIncidents = new("GR6006", "An incident export cannot be read");

    public static readonly Rule InvalidOption = new("GR6007", "A delivery command option has an invalid value");

    public static readonly Rule NoDeployments = new("GR6008", "No deployments were found");

    public static readonly Rule MalformedPullRequests = new("GR6009", "A pull request list cannot be read");
}
