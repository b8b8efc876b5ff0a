using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Cli.Flags;
using Guardrails.Gate.KillSwitch;
using Guardrails.Gate.Record;
using Guardrails.Slo.Prometheus;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Flags;

/// <summary>
/// <c>guardrails flags off</c>: the rollback's kill switch. Turns each flag off in one environment (a flag already
/// off is left alone and succeeds), says what it did, and adds it to the deployment record. The token comes from
/// an environment variable only. Exit 0 every flag is off, 1 a flag could not be turned off, 2 configuration error.
/// </summary>
internal sealed class FlagsOffCommand : AsyncCommand<FlagsOffSettings>
{
    public const int FailedExitCode = 1;

    public override Task<int> ExecuteAsync(CommandContext context, FlagsOffSettings settings) =>
        RunAsync(settings, Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, TimeProvider.System, CancellationToken.None);

    public static async Task<int> RunAsync(FlagsOffSettings settings, TextWriter output, TextWriter error, Func<string, string?> environment, TimeProvider time, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var provider = settings.Provider;
        if (provider is not (FlagProviders.Unleash or FlagProviders.LaunchDarkly))
        {
            problems.Add($"--provider '{provider}' is not unleash or launchdarkly.");
        }

        var flags = Array.FindAll(settings.Flag, flag => !string.IsNullOrWhiteSpace(flag));
        Require(problems, flags.Length > 0, "--flag is missing: name the flag to turn off (repeat --flag for several).");
        Require(problems, !string.IsNullOrWhiteSpace(settings.Project), "--project is empty: give the flag's project (Unleash project id, LaunchDarkly project key).");
        Require(problems, !string.IsNullOrWhiteSpace(settings.Environment), "--environment is missing: give the environment to turn the flag off in, e.g. production.");
        var address = Address(problems, provider, settings.Url);
        Require(problems, PrometheusDuration.TryParse(settings.Timeout, out var timeout), $"--timeout '{settings.Timeout}' is not a positive duration such as 10s or 1m.");
        string? token = null;
        if (string.IsNullOrWhiteSpace(settings.TokenEnv))
        {
            problems.Add("--token-env is missing: name the environment variable that holds the API token (set it from the pipeline's secret; never pass the token itself).");
        }
        else
        {
            token = environment(settings.TokenEnv);
            Require(problems, !string.IsNullOrEmpty(token), $"--token-env names {settings.TokenEnv}, which is not set or empty. Set it from the pipeline's secret.");
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine("guardrails flags off: error: " + problem);
            }

            return Program.UsageErrorExitCode;
        }

        using var http = new HttpClient { Timeout = timeout!.Value };
        IFlagService service = provider == FlagProviders.Unleash
            ? new UnleashFlagService(http, address!, token!)
            : new LaunchDarklyFlagService(http, address!, token!);
        var handled = new List<DeploymentFlag>();
        var exitCode = 0;
        foreach (var name in flags)
        {
            var flag = new FlagReference(name, settings.Project, settings.Environment!);
            try
            {
                var result = await service.TurnOffAsync(flag, cancellationToken).ConfigureAwait(false);
                var word = result == FlagSwitchResult.TurnedOff ? "turned-off" : "already-off";
                handled.Add(new DeploymentFlag(service.Name, flag.Flag, flag.Project, flag.Environment, word, time.GetUtcNow()));
                output.WriteLine($"flags: {service.Name} flag '{flag.Flag}' in project '{flag.Project}', environment '{flag.Environment}': {(result == FlagSwitchResult.TurnedOff ? "turned off" : "already off")}");
            }
            catch (FlagServiceException exception)
            {
                error.WriteLine($"guardrails flags off: error: {service.Name} flag '{flag.Flag}' is still on or unknown: {exception.Message}");
                exitCode = FailedExitCode;
            }
        }

        if (!string.IsNullOrWhiteSpace(settings.Record) && handled.Count > 0 && DeploymentRecordWriter.AddFlags(settings.Record, handled) is null)
        {
            error.WriteLine($"guardrails flags off: warning: no deployment record at {settings.Record} to add the flags to (the gate writes it with --record).");
        }

        return exitCode;
    }

    private static Uri? Address(List<string> problems, string? provider, string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            if (provider == FlagProviders.LaunchDarkly)
            {
                return LaunchDarklyFlagService.DefaultAddress;
            }

            problems.Add("--url is missing: give the Unleash server's base URL, e.g. https://unleash.example.com.");
            return null;
        }

        if (Uri.TryCreate(url, UriKind.Absolute, out var address) && address.Scheme is "http" or "https")
        {
            return address;
        }

        problems.Add($"--url '{url}' is not an absolute http or https URL.");
        return null;
    }

    private static void Require(List<string> problems, bool condition, string message)
    {
        if (!condition)
        {
            problems.Add(message);
        }
    }
}
