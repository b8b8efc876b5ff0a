namespace Guardrails.Analyzers.Timeouts;

/// <summary>What the syntax around an <c>HttpClient</c> says about it: where it was made and how its Timeout was set.</summary>
internal sealed class ClientFacts
{
    /// <summary>Where the client was made here, as a message names it (<c>field '_http' (line 12)</c>); null when it comes from elsewhere.</summary>
    public string? MadeAt { get; set; }

    public ClientTimeout Timeout { get; set; }

    /// <summary>Where an infinite Timeout was set, as a message names it.</summary>
    public string? InfiniteAt { get; set; }

    /// <summary>The client's pipeline has a timeout handler (<c>new HttpClient(new TimeoutHandler(...))</c>).</summary>
    public bool HasTimeoutHandler { get; set; }
}

internal enum ClientTimeout
{
    NotSet,
    Finite,
    Infinite,
}
