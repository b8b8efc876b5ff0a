using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate.KillSwitch;

namespace Guardrails.Cli.Flags;

/// <summary>
/// Unleash's admin API: reads the flag's state in the environment
/// (<c>GET /api/admin/projects/{project}/features/{flag}</c>) and, only when it is on, turns it off
/// (<c>POST .../environments/{environment}/off</c>), so a second rollback changes nothing, not even the event log.
/// The admin token goes in the <c>Authorization</c> header as Unleash expects, without a scheme.
/// </summary>
internal sealed class UnleashFlagService : IFlagService
{
    private readonly HttpClient http;
    private readonly FlagApiEndpoint endpoint;

    public UnleashFlagService(HttpClient http, Uri address, string token)
    {
        this.http = http;
        endpoint = new FlagApiEndpoint(address, token);
    }

    public string Name => FlagProviders.Unleash;

    public async Task<FlagSwitchResult> TurnOffAsync(FlagReference flag, CancellationToken cancellationToken)
    {
        var feature = $"api/admin/projects/{Uri.EscapeDataString(flag.Project)}/features/{Uri.EscapeDataString(flag.Flag)}";
        using var state = await FlagHttp.SendAsync(http, endpoint.Request(HttpMethod.Get, feature), Name, cancellationToken).ConfigureAwait(false);
        var environment = state.RootElement.TryGetProperty("environments", out var environments) && environments.ValueKind == JsonValueKind.Array
            ? environments.EnumerateArray().FirstOrDefault(entry => entry.TryGetProperty("name", out var name) && name.GetString() == flag.Environment)
            : default;
        if (environment.ValueKind != JsonValueKind.Object)
        {
            throw new FlagServiceException($"unleash flag '{flag.Flag}' in project '{flag.Project}' has no environment '{flag.Environment}'. Check --environment.");
        }

        if (!environment.TryGetProperty("enabled", out var enabled) || enabled.ValueKind != JsonValueKind.True)
        {
            return FlagSwitchResult.AlreadyOff;
        }

        var off = $"{feature}/environments/{Uri.EscapeDataString(flag.Environment)}/off";
        using var answer = await FlagHttp.SendAsync(http, endpoint.Request(HttpMethod.Post, off), Name, cancellationToken).ConfigureAwait(false);
        return FlagSwitchResult.TurnedOff;
    }
}
