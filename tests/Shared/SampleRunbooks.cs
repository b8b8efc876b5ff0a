namespace Guardrails.Testing;

/// <summary>Runbooks that the runbook check, the build task and <c>guardrails validate</c> are all tested with.</summary>
internal static class SampleRunbooks
{
    /// <summary>Owned, with every default required section filled in: passes without a finding.</summary>
    public const string Complete = """
        ---
        owner: team-checkout
        ---
        # Checkout errors

        ## Summary
        Checkout fails.
        ## Impact
        Customers cannot pay.
        ## Diagnosis
        Look at the dashboard.
        ## Mitigation
        Scale out.
        ## Rollback
        Roll back the release.
        ## Escalation
        Page the payments lead.
        """;
}
