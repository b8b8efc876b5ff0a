namespace ValidService;

/// <summary>Stands in for the service's code; the SLOs and runbooks beside it are what the build checks.</summary>
public sealed class CheckoutService
{
    public string Name => "checkout";
}
