using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Cli.Flags;

/// <summary>
/// Sends one request to a flag service and reads its JSON answer, turning every failure (no connection, timeout,
/// an error status) into a <see cref="FlagServiceException"/> that names the request but never the token.
/// </summary>
internal static class FlagHttp
{
    public static async Task<JsonDocument> SendAsync(HttpClient http, HttpRequestMessage request, string service, CancellationToken cancellationToken)
    {
        var what = $"{service} {request.Method} {request.RequestUri?.AbsolutePath}";
        try
        {
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var hint = (int)response.StatusCode is 401 or 403
                    ? " Check the API token in the secret named by --token-env and its permissions."
                    : (int)response.StatusCode == 404 ? " Check --flag, --project and --environment." : string.Empty;
                throw new FlagServiceException($"{what} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}.{hint}");
            }

            return body.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(body);
        }
        catch (HttpRequestException exception)
        {
            throw new FlagServiceException($"{what} failed: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FlagServiceException($"{what} did not answer within {http.Timeout.TotalSeconds:0} s.", exception);
        }
        catch (JsonException exception)
        {
            throw new FlagServiceException($"{what} answered something that is not JSON: {exception.Message}", exception);
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "...";
}
