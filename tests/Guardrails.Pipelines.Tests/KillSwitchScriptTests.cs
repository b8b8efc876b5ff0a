using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Gate.KillSwitch;
using Guardrails.Gate.Record;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// The rollback's kill switch step: `guardrails flags off` with every setting as its own argument and the token
/// only by the name of its variable, the command provider, and the record of the flags it hands on.
/// </summary>
public sealed partial class KillSwitchScriptTests
{
    private const string Token = "s3cr3t-flag-token";

    private static readonly string[] CommandFlagsRecorded =
    [
        "command new-checkout shop production turned-off",
        "command new-checkout-api shop production turned-off",
    ];

    private static Dictionary<string, string> Settings(BashSandbox sandbox, string provider = FlagProviders.Unleash, string flags = "new-checkout, new-checkout-api") => new()
    {
        ["RUNNER_TEMP"] = sandbox.Folder,
        ["AGENT_TEMPDIRECTORY"] = sandbox.Folder,
        ["SYSTEM_JOBID"] = "12f1170f-54f2-53f3-20dd-22fc7dff55f9",
        ["GUARDRAILS_SERVICE"] = "checkout",
        ["GUARDRAILS_ENVIRONMENT"] = "production",
        ["GUARDRAILS_COMMIT"] = "4f2c1e9",
        ["GUARDRAILS_KILL_SWITCH_FLAGS"] = flags,
        ["GUARDRAILS_KILL_SWITCH_PROVIDER"] = provider,
        ["GUARDRAILS_KILL_SWITCH_PROJECT"] = "shop",
        ["GUARDRAILS_KILL_SWITCH_ENVIRONMENT"] = string.Empty,
        ["GUARDRAILS_KILL_SWITCH_URL"] = "https://unleash.example.com",
        ["GUARDRAILS_KILL_SWITCH_COMMAND"] = string.Empty,
        [KillSwitchInputs.TokenVariable] = Token,
    };

    private static string Record(BashSandbox sandbox) => Path.Combine(sandbox.Folder, KillSwitchScript.RecordFileName);

    [Test]
    public void Every_flag_reaches_guardrails_flags_off_with_the_token_only_by_the_name_of_its_variable()
    {
        var sandbox = new BashSandbox().Fake("guardrails");

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.GitHubActions), Settings(sandbox));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        Assert.That(sandbox.Calls, Is.EqualTo(
            "guardrails flags off --provider unleash --project shop --environment production " +
            $"--token-env {KillSwitchInputs.TokenVariable} --record {Record(sandbox)} --url https://unleash.example.com " +
            "--flag new-checkout --flag new-checkout-api\n"));
        Assert.That(sandbox.Calls + outcome, Does.Not.Contain(Token));
    }

    [Test]
    public void The_script_passes_only_options_the_cli_defines()
    {
        // The arguments of `guardrails flags off` are gathered in the options array.
        var optionLines = KillSwitchScript.Render(CiSystem.AzurePipelines).Split('\n').Where(line => line.TrimStart().StartsWith("options", System.StringComparison.Ordinal));
        var used = optionLines.SelectMany(line => OptionPattern().Matches(line).Select(match => match.Value)).Distinct().ToList();
        var defined = typeof(FlagsOffOptionNames).GetFields().Select(field => (string)field.GetValue(null)!);

        Assert.That(used, Has.Count.EqualTo(7).And.SubsetOf(defined));
    }

    [Test]
    public void The_flags_the_cli_recorded_are_handed_on_as_a_step_output()
    {
        // A stand-in CLI that records one flag as `guardrails flags off --record` does.
        var sandbox = new BashSandbox().Fake("guardrails", """
            while [ $# -gt 0 ]; do [ "$1" = --record ] && record="$2"; shift; done
            jq '.flags = [{provider: "unleash", flag: "new-checkout", project: "shop", environment: "production", result: "turned-off", at: "2026-12-04T13:00:00Z"}]' "$record" > "$record.new"
            mv "$record.new" "$record"

            """);

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.GitHubActions), Settings(sandbox, flags: "new-checkout"));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        Assert.That(File.ReadAllText(sandbox.OutputFile), Does.StartWith("flags=[{\"provider\":\"unleash\",\"flag\":\"new-checkout\""));
        var record = DeploymentRecordWriter.TryRead(Record(sandbox));
        Assert.That(record, Is.Not.Null, "the seed is a deployment record the CLI can add flags to");
        Assert.That((record!.Service, record.Version, record.Decision), Is.EqualTo(("checkout", "4f2c1e9", "rollback")));
    }

    [Test]
    public void A_flag_that_cannot_be_turned_off_fails_the_step_and_still_hands_on_the_record()
    {
        var sandbox = new BashSandbox().Fake("guardrails", exitCode: 1);

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.GitHubActions), Settings(sandbox));

        Assert.That(outcome.ExitCode, Is.EqualTo(1));
        Assert.That(File.ReadAllText(sandbox.OutputFile), Is.EqualTo("flags=[]\n"));
    }

    [Test]
    public void The_command_provider_runs_the_teams_command_with_the_flags_and_records_them()
    {
        var sandbox = new BashSandbox();
        var calls = Path.Combine(sandbox.Folder, "command.log");
        var settings = Settings(sandbox, provider: KillSwitchInputs.CommandProvider);
        settings["GUARDRAILS_KILL_SWITCH_COMMAND"] =
            $"echo \"off $GUARDRAILS_KILL_SWITCH_FLAGS in $GUARDRAILS_KILL_SWITCH_PROJECT/$GUARDRAILS_KILL_SWITCH_ENVIRONMENT token=${{#{KillSwitchInputs.TokenVariable}}}\" >> {calls}";

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.AzurePipelines), settings);

        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        Assert.That(File.ReadAllText(calls), Is.EqualTo($"off new-checkout, new-checkout-api in shop/production token={Token.Length}\n"));
        var flags = DeploymentRecordWriter.TryRead(Record(sandbox))!.Flags!;
        Assert.That(flags.Select(flag => $"{flag.Provider} {flag.Flag} {flag.Project} {flag.Environment} {flag.Result}"), Is.EqualTo(CommandFlagsRecorded));
        Assert.That(outcome.Output, Does.Contain("artifact guardrails-kill-switch-12f1170f-54f2-53f3-20dd-22fc7dff55f9"));
    }

    [Test]
    public void No_flags_turn_nothing_off()
    {
        var sandbox = new BashSandbox().Fake("guardrails");

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.GitHubActions), Settings(sandbox, flags: " "));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.ToString());
        Assert.That(sandbox.Calls, Is.Empty);
        Assert.That(outcome.Output, Does.Contain("nothing to turn off"));
    }

    [TestCase("flagsmith", "kill-switch-provider 'flagsmith' is not unleash, launchdarkly or command")]
    [TestCase(KillSwitchInputs.CommandProvider, "the command kill-switch provider needs kill-switch-command")]
    public void A_wrong_setting_fails_with_what_to_change(string provider, string message)
    {
        var sandbox = new BashSandbox().Fake("guardrails");

        var outcome = sandbox.Run(KillSwitchScript.Render(CiSystem.GitHubActions), Settings(sandbox, provider: provider));

        Assert.That(outcome.ExitCode, Is.EqualTo(2));
        Assert.That(outcome.Output, Does.Contain("error: " + message));
        Assert.That(sandbox.Calls, Is.Empty);
    }

    [GeneratedRegex(@"(?<=\s|\()--[a-z][a-z-]+")]
    private static partial Regex OptionPattern();
}
