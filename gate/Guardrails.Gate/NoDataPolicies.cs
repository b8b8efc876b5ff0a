using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Gate;

/// <summary>The words <c>--on-no-data</c> accepts, one per <see cref="NoDataPolicy"/>, defined once.</summary>
public static class NoDataPolicies
{
    public const string Fail = "fail";

    public const string Pass = "pass";

    public const string Inconclusive = "inconclusive";

    private static readonly (string Name, NoDataPolicy Policy)[] ByName =
    [
        (Fail, NoDataPolicy.Fail),
        (Pass, NoDataPolicy.Pass),
        (Inconclusive, NoDataPolicy.Inconclusive),
    ];

    /// <summary>fail, pass, inconclusive: in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. ByName.Select(entry => entry.Name)];

    public static bool TryParse(string? text, out NoDataPolicy policy)
    {
        foreach (var (name, value) in ByName)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                policy = value;
                return true;
            }
        }

        policy = NoDataPolicy.Fail;
        return false;
    }

    public static string NameOf(NoDataPolicy policy) => ByName.Single(entry => entry.Policy == policy).Name;
}
