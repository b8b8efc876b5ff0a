using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FixAllConsumer;

/// <summary>
/// Three hand-written retry loops in one type (GR1001), two of them alike, and a request with no bound (GR2005).
/// The .editorconfig asks the retry fix for static pipelines here: the two alike loops share one.
/// </summary>
public sealed class InventoryClient
{
    private readonly HttpClient http;

    public InventoryClient(HttpClient http) => this.http = http;

    public async Task<string> GetStockAsync(string sku, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(new Uri("https://inventory.example/stock/" + sku), cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
            }
        }
    }

    public async Task<string> GetReservedAsync(string sku, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.GetStringAsync(new Uri("https://inventory.example/reserved/" + sku), cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * (attempt + 1)), cancellationToken);
            }
        }
    }

    public async Task<string> GetPriceAsync(string sku, CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (true)
        {
            try
            {
                return await http.GetStringAsync(new Uri("https://inventory.example/price/" + sku), cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                attempt++;
                await Task.Delay(TimeSpan.FromSeconds(Math.Pow(2, attempt)), cancellationToken);
            }
        }
    }

    // No token in scope: with one, the SDK's CA2016 ("forward the token") reports the call instead of GR2005.
    public async Task<string> GetNameAsync(string sku)
        => await http.GetStringAsync(new Uri("https://inventory.example/name/" + sku));
}
