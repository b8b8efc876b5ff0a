using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Cli.Flags;

/// <summary>A feature-flag service's API, reduced to the kill switch: turn one flag off in one environment.</summary>
internal interface IFlagService
{
    string Name { get; }

    /// <exception cref="FlagServiceException">The service refused or could not be reached.</exception>
    Task<FlagSwitchResult> TurnOffAsync(FlagReference flag, CancellationToken cancellationToken);
}
