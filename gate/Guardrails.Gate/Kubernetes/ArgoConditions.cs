using System.Globalization;

namespace Guardrails.Gate.Kubernetes;

/// <summary>
/// Argo Rollouts' <c>successCondition</c>/<c>failureCondition</c> for a burn rate, judged as a gate read is: over
/// the limit is bad, at or under it good, and an empty or NaN result (no traffic, under the floor) follows
/// <c>--on-no-data</c>: a failure, a success, or neither, which Argo counts as inconclusive.
/// </summary>
internal sealed record ArgoConditions(string Success, string Failure)
{
    private const string NoData = "(len(result) == 0 || isNaN(result[0]))";
    private const string HasData = "len(result) > 0 && !isNaN(result[0])";

    public static ArgoConditions For(double maxBurnRate, NoDataPolicy onNoData)
    {
        var limit = maxBurnRate.ToString("R", CultureInfo.InvariantCulture);
        var good = $"{HasData} && result[0] <= {limit}";
        var bad = $"{HasData} && result[0] > {limit}";
        return onNoData switch
        {
            NoDataPolicy.Fail => new ArgoConditions(good, $"{NoData} || result[0] > {limit}"),
            NoDataPolicy.Pass => new ArgoConditions($"{NoData} || result[0] <= {limit}", bad),
            _ => new ArgoConditions(good, bad),
        };
    }
}
