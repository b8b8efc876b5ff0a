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
    private static readonly TimeSpan FormatTimeout = TimeSpan.FromMinutes(10);

    /// <summary>The findings the FixAllConsumer sample is written to produce, each of which has a code fix.</summary>
    private static readonly string[] SampleFindings = ["GR1001", "GR2001", "GR2003", "GR2005", "GR2006"];

    // Run on 2026-12-04 (waits branch, main at 5b8f226): dotnet format now applies the GR2001, GR2003, GR2005 and
    // GR2006 fixes with no "Unable to fix" (GR2003/GR2005 get a CancellationTokenSource of the default timeout when no
    // token is in scope), but one of InventoryClient's two retry loops keeps its GR1001 after the format, so the
    // fixed consumer still builds with that warning. The run took 9 min 14 s on the shared machine (most of it
    // packing the solution). Remove [Explicit] once the retry fix's Fix All handles both loops of one type.
    [Test]
    [Explicit("One of two GR1001 retry loops in a type survives dotnet format (retry fix, issue 10); remove once fixed.")]
    public void Dotnet_format_applies_every_Guardrails_fix_and_the_fixed_consumer_builds_without_warnings()
    {
        using var consumer = ConsumerWorkspace.FromSample("FixAllConsumer");

        var before = consumer.Build();
        Assert.That(before.Succeeded, Is.True, before.Describe());
        var found = before.WithCodePrefix("GR").Select(diagnostic => diagnostic.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Assert.That(found, Is.SupersetOf(SampleFindings), "the sample no longer produces every finding it is written for:\n" + before.Describe());

        // dotnet format cannot take -p:, so the package version and folder the build used go in a props file.
        consumer.WriteFile("Directory.Build.props", $"""
            <Project>
              <PropertyGroup>
                <GuardrailsVersion>{consumer.Feed.Version}</GuardrailsVersion>
                <RestorePackagesPath>{Path.Combine(consumer.Root, ".packages")}</RestorePackagesPath>
              </PropertyGroup>
            </Project>
            """);
        var arguments = new List<string> { "format", "analyzers", "FixAllConsumer.csproj", "--severity", "info", "--verbosity", "diagnostic", "--diagnostics" };
        arguments.AddRange(found);
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

        var after = consumer.Build();
        Assert.Multiple(() =>
        {
            Assert.That(after.Succeeded, Is.True, after.Describe());
            Assert.That(after.Diagnostics, Is.Empty, "the fixed code must build without warnings:\n" + after.Describe());
        });
    }
}
