using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Gate.KillSwitch;

namespace Guardrails.Cli.Flags;

/// <summary>
/// LaunchDarkly's REST API: reads the flag in the environment (<c>GET /api/v2/flags/{project}/{flag}?env={environment}</c>)
/// and, only when it is on, sends the semantic patch <c>{"environmentKey": ..., "instructions": [{"kind": "turnFlagOff"}]}</c>
/// (<c>PATCH /api/v2/flags/{project}/{flag}</c>, content type <c>application/json; domain-model=launchdarkly.semanticpatch</c>).
/// The access token goes in the <c>Authorization</c> header without a scheme, as LaunchDarkly documents.
/// </summary>
internal sealed class LaunchDarklyFlagService : IFlagService
{
    public static readonly Uri DefaultAddress = new("https://app.launchdarkly.com/");

    private readonly HttpClient http;
    private readonly FlagApiEndpoint endpoint;

    public LaunchDarklyFlagService(HttpClient http, Uri address, string token)
    {
        this.http = http;
        endpoint = new FlagApiEndpoint(address, token);
    }

    public string Name => FlagProviders.LaunchDarkly;

    public async Task<FlagSwitchResult> TurnOffAsync(FlagReference flag, CancellationToken cancellationToken)
    {
        var path = $"api/v2/flags/{Uri.EscapeDataString(flag.Project)}/{Uri.EscapeDataString(flag.Flag)}";
        var read = endpoint.Request(HttpMethod.Get, path + "?env=" + Uri.EscapeDataString(flag.Environment));
        using var state = await FlagHttp.SendAsync(http, read, Name, cancellationToken).ConfigureAwait(false);
        if (!state.RootElement.TryGetProperty("environments", out var environments) || !environments.TryGetProperty(flag.Environment, out var environment))
        {
            throw new FlagServiceException($"launchdarkly flag '{flag.Flag}' in project '{flag.Project}' has no environment '{flag.Environment}'. Check --environment (the environment's key).");
        }

        if (!environment.TryGetProperty("on", out var on) || on.ValueKind != JsonValueKind.True)
        {
            return FlagSwitchResult.AlreadyOff;
        }

        var patch = endpoint.Request(HttpMethod.Patch, path);
        var body = JsonSerializer.Serialize(new { environmentKey = flag.Environment, comment = "guardrails: canary rolled back", instructions = new[] { new { kind = "turnFlagOff" } } });
        patch.Content = new StringContent(body, Encoding.UTF8);
        patch.Content.Headers.Remove("Content-Type");
        patch.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json; domain-model=launchdarkly.semanticpatch");
        using var answer = await FlagHttp.SendAsync(http, patch, Name, cancellationToken).ConfigureAwait(false);
        return FlagSwitchResult.TurnedOff;
    }
}
