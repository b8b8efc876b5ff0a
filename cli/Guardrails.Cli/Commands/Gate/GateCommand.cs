using System;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>
/// <c>guardrails gate</c>: measures the canary's SLO burn rate in Prometheus and exits 0 to promote,
/// 1 to roll back, 3 when inconclusive, 2 on a configuration error. See docs/gate.md.
/// </summary>
internal sealed class GateCommand : AsyncCommand<GateCommandSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, GateCommandSettings settings)
    {
        var builder = new GatePlanBuilder(settings.ToOptions(), Environment.GetEnvironmentVariable);
        var plan = builder.Build();
        foreach (var finding in builder.SloFindings)
        {
            Console.Error.WriteLine(finding);
        }

        if (plan is null)
        {
            foreach (var problem in builder.Problems)
            {
                Console.Error.WriteLine(problem);
            }

            return GateExitCodes.ConfigurationError;
        }

        using var cancellation = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancelKey = (_, eventArgs) =>
        {
            eventArgs.Cancel = true;
            cancellation.Cancel();
        };
        Console.CancelKeyPress += onCancelKey;

        // Pipelines cancel a job with SIGTERM: the gate then rolls back and still writes its record.
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            cancellation.Cancel();
        });
        try
        {
            return await GateRunner.RunAsync(plan, Progress(plan), Console.Out, Console.Error, TimeProvider.System, cancellation.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancelKey;
        }
    }

    private static IGateProgress Progress(GatePlan plan)
    {
        var isCi = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TF_BUILD"));
        return isCi || ConsoleStyle.IsPlain()
            ? new PlainGateProgress(Console.Out, plan.Limits.Samples)
            : new TerminalGateProgress(AnsiConsole.Console, plan.Limits.Samples);
    }
}
