using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.EndToEnd.Tests.Infrastructure;
using Guardrails.Testing;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// A team cleaning up a codebase in one go: `dotnet format analyzers --diagnostics ...` applies every Guardrails
/// code fix across the sample consumer, and the result builds without a single warning.
/// </summary>
public sealed class FixAllTests
{
    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Every rule that has a code fix; the FixAllConsumer sample is written to produce each of them.</summary>
    private static readonly string[] FixableFindings = ["GR1001", "GR1002", "GR2001", "GR2003", "GR2004", "GR2005", "GR2006"];

    /// <summary>
    /// What a fix may leave for a second run: the retry fix writes a pipeline without a timeout, which GR2006 then
    /// reports. dotnet format runs each analyzer once, in an order that changes from run to run, so GR2006's fix
    /// sees those pipelines in the same run only sometimes.
    /// </summary>
    private static readonly string[] FindingsOfFixedCode = ["GR2006"];

    [Test]
    public void Dotnet_format_applies_every_Guardrails_fix_and_the_fixed_consumer_builds_without_warnings()
    {
        using var consumer = ConsumerWorkspace.FromSample("FixAllConsumer");

        var before = consumer.Build();
        Assert.That(before.Succeeded, Is.True, before.Describe());
        var found = before.WithCodePrefix("GR").Select(diagnostic => diagnostic.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Assert.That(found, Is.EquivalentTo(FixableFindings), "the sample no longer produces exactly the findings that have a fix:\n" + before.Describe());

        // dotnet format cannot take -p:, so the package version and folder the build used go in a props file.
        consumer.WriteFile("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <GuardrailsVersion>{consumer.Feed.Version}</GuardrailsVersion>
                <RestorePackagesPath>{Path.Combine(consumer.Root, ".packages")}</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);
        Format(consumer, found);
        var afterFirstRun = consumer.Build();
        Assert.That(afterFirstRun.Succeeded, Is.True, afterFirstRun.Describe());
        var left = afterFirstRun.Diagnostics.Select(diagnostic => diagnostic.Code).Distinct(StringComparer.Ordinal).ToArray();
        Assert.That(left, Is.SubsetOf(FindingsOfFixedCode), "the first run must fix every finding of the sample:\n" + afterFirstRun.Describe());

        if (left.Length > 0)
        {
            Format(consumer, left);
        }

        var after = left.Length > 0 ? consumer.Build() : afterFirstRun;
        Assert.Multiple(() =>
        {
            Assert.That(after.Succeeded, Is.True, after.Describe());
            Assert.That(after.Diagnostics, Is.Empty, "the fixed code must build without warnings:\n" + after.Describe());

            // The sample's .editorconfig asks for static pipelines in InventoryClient.cs only: its three loops, two
            // of them alike, share two fields; StockLedger keeps the default local pipeline.
            var inventoryClient = consumer.ReadFile("InventoryClient.cs");
            Assert.That(Occurrences(inventoryClient, "private static readonly ResiliencePipeline "), Is.EqualTo(2), inventoryClient);
            Assert.That(Occurrences(inventoryClient, "await RetryPipeline.ExecuteAsync(async token => "), Is.EqualTo(2), inventoryClient);
            Assert.That(consumer.ReadFile("StockLedger.cs"), Does.Contain("var pipeline = new ResiliencePipelineBuilder()"));
        });
    }

    private static int Occurrences(string text, string value) => text.Split(value).Length - 1;

    /// <summary>One `dotnet format analyzers` run over the project (already restored by the build) for these rules.</summary>
    private static void Format(ConsumerWorkspace consumer, IEnumerable<string> diagnostics)
    {
        var arguments = new List<string> { "format", "analyzers", "FixAllConsumer.csproj", "--no-restore", "--severity", "info", "--verbosity", "normal", "--diagnostics" };
        arguments.AddRange(diagnostics);
        var format = ProcessRunner.Run(
            "dotnet",
            arguments,
            consumer.Root,
            FormatTimeout,
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
        Assert.Multiple(() =>
        {
            Assert.That(format.ExitCode, Is.EqualTo(0), format.Output);
            Assert.That(format.Output, Does.Not.Contain("Unable to fix"), format.Output);
        });
    }
}
