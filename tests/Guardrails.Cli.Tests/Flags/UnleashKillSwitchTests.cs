using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Guardrails.Testing;

namespace Guardrails.Cli.Tests.Flags;

/// <summary>
/// The kill switch against a real Unleash server: a flag on before the rollback is off after it as an SDK sees
/// it, only in the environment named, a second rollback changes nothing (not even Unleash's event log), the token
/// never reaches the output, and the deployment record says which flags were turned off.
/// </summary>
[NonParallelizable]
public sealed class UnleashKillSwitchTests
{
    private UnleashServer server = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public void StartUnleash()
    {
        server = UnleashServer.Start();
        admin = server.Admin();
    }

    [OneTimeTearDown]
    public void StopUnleash()
    {
        admin?.Dispose();
        server?.Dispose();
    }

    [Test]
    public async Task A_flag_on_before_the_rollback_is_off_after_it_and_a_second_rollback_changes_nothing()
    {
        await server.CreateFlagOnAsync("new-checkout", "development", "production");
        Assert.That(await server.SdkSeesAsync("new-checkout", expected: true), Is.True, "on before the rollback");
        using var folder = TemporaryFolder.Create("guardrails-flags-");
        var record = folder.Write("deployment.json", """{"schemaVersion":1,"service":"checkout","version":"4f2c1e9","decision":"rollback","reason":"read 2 was bad","steps":[]}""");

        var first = FlagsRun.Off(UnleashServer.AdminToken, "--provider", "unleash", "--url", server.Address.ToString(), "--flag", "new-checkout", "--environment", "development", "--record", record);
        var eventsAfterFirst = await server.EventCountAsync("new-checkout");
        var second = FlagsRun.Off(UnleashServer.AdminToken, "--provider", "unleash", "--url", server.Address.ToString(), "--flag", "new-checkout", "--environment", "development");

        using var written = JsonDocument.Parse(await System.IO.File.ReadAllTextAsync(record));
        var flag = written.RootElement.GetProperty("flags")[0];
        Assert.Multiple(async () =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Output, Does.Contain("unleash flag 'new-checkout' in project 'default', environment 'development': turned off"));
            Assert.That(await server.SdkSeesAsync("new-checkout", expected: false), Is.False, "off after the rollback, as an SDK of the environment sees it");
            Assert.That(await EnabledInAsync("new-checkout", "production"), Is.True, "another environment is left alone");
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.Output, Does.Contain("already off"));
            Assert.That(await server.EventCountAsync("new-checkout"), Is.EqualTo(eventsAfterFirst), "the second rollback wrote nothing to Unleash");
            Assert.That(first.ToString() + second, Does.Not.Contain(UnleashServer.AdminToken).And.Not.Contain("guardrails-test-admin-token"));
            Assert.That(flag.GetProperty("provider").GetString(), Is.EqualTo("unleash"));
            Assert.That(flag.GetProperty("flag").GetString(), Is.EqualTo("new-checkout"));
            Assert.That(flag.GetProperty("environment").GetString(), Is.EqualTo("development"));
            Assert.That(flag.GetProperty("result").GetString(), Is.EqualTo("turned-off"));
            Assert.That(written.RootElement.GetProperty("version").GetString(), Is.EqualTo("4f2c1e9"), "the gate's record is kept");
        });
    }

    [Test]
    public async Task An_unknown_flag_fails_the_step_and_names_what_to_check()
    {
        await server.CreateFlagOnAsync("known-flag", "development");
        Assert.That(await server.SdkSeesAsync("known-flag", expected: true), Is.True, "on before the rollback");

        var run = FlagsRun.Off(UnleashServer.AdminToken, "--provider", "unleash", "--url", server.Address.ToString(), "--flag", "no-such-flag", "--flag", "known-flag", "--environment", "development");

        Assert.Multiple(async () =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Errors, Does.Contain("'no-such-flag'").And.Contain("404").And.Contain("Check --flag, --project and --environment"));
            Assert.That(await server.SdkSeesAsync("known-flag", expected: false), Is.False, "the other flags are still turned off");
        });
    }

    [Test]
    public void A_wrong_token_is_refused_and_not_printed()
    {
        var run = FlagsRun.Off("*:*.not-a-real-token", "--provider", "unleash", "--url", server.Address.ToString(), "--flag", "new-checkout", "--environment", "development");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
            Assert.That(run.Errors, Does.Contain("401").And.Contain("--token-env"));
            Assert.That(run.ToString(), Does.Not.Contain("not-a-real-token"));
        });
    }

    private async Task<bool> EnabledInAsync(string name, string environment)
    {
        using var feature = JsonDocument.Parse(await admin.GetStringAsync(new Uri($"api/admin/projects/default/features/{name}", UriKind.Relative)));
        return feature.RootElement.GetProperty("environments").EnumerateArray().Single(entry => entry.GetProperty("name").GetString() == environment).GetProperty("enabled").GetBoolean();
    }
}
