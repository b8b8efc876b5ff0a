using System;
using System.IO;

namespace Guardrails.Slo.Tests;

/// <summary>The valid sample files every test starts from, so a test changes one thing and shows its effect.</summary>
internal static class Sample
{
    public static string OpenSloPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", "openslo-checkout.yaml");

    public static string SlothPath => Path.Combine(TestContext.CurrentContext.TestDirectory, "Samples", "sloth-payments.yaml");

    /// <summary>A Service, an SLI, two SLOs (availability by reference, latency inline), an AlertPolicy and a target.</summary>
    public static string OpenSlo => File.ReadAllText(OpenSloPath);

    /// <summary>A Sloth service with an availability (events) and a latency (raw) SLO.</summary>
    public static string Sloth => File.ReadAllText(SlothPath);

    /// <summary>The sample with one exact piece of text replaced; fails loudly unless the piece is there exactly once.</summary>
    public static string With(this string sample, string original, string replacement)
    {
        var first = sample.IndexOf(original, System.StringComparison.Ordinal);
        Assert.That(first, Is.GreaterThanOrEqualTo(0), () => "the sample changed, update the test; not found: " + original);
        Assert.That(sample.IndexOf(original, first + 1, System.StringComparison.Ordinal), Is.LessThan(0), () => "ambiguous in the sample: " + original);
        return string.Concat(sample.AsSpan(0, first), replacement, sample.AsSpan(first + original.Length));
    }
}
