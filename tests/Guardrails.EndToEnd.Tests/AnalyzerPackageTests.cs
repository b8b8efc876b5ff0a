using System.Linq;
using Guardrails.EndToEnd.Tests.Infrastructure;

namespace Guardrails.EndToEnd.Tests;

/// <summary>What a team sees after adding the Guardrails.Analyzers package: warnings in `dotnet build`.</summary>
public sealed class AnalyzerPackageTests
{
    [Test]
    public void A_consumer_referencing_the_packed_analyzers_sees_the_retry_loop_warning_in_dotnet_build()
    {
        using var consumer = ConsumerWorkspace.FromSample("AnalyzerConsumer");

        var result = consumer.Build();

        Assert.That(result.Succeeded, Is.True, result.Describe());
        var retryWarnings = result.WithCodePrefix("GR1").ToList();
        Assert.That(retryWarnings, Has.Count.EqualTo(1), result.Describe());
        Assert.Multiple(() =>
        {
            Assert.That(retryWarnings[0].Severity, Is.EqualTo("warning"));
            Assert.That(retryWarnings[0].File, Is.EqualTo("OrderClient.cs"));
            Assert.That(retryWarnings[0].Line, Is.EqualTo(18));
        });
    }
}
