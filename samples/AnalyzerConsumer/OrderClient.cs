using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace AnalyzerConsumer;

/// <summary>The kind of code Guardrails exists to catch: a retry loop written by hand.</summary>
public sealed class OrderClient
{
    private readonly HttpClient _http;

    public OrderClient(HttpClient http) => _http = http;

    public async Task<string> GetOrderAsync(string id, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await _http.GetStringAsync(new Uri("https://orders.example/" + id), cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                attempt++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
            }
        }
    }
}
