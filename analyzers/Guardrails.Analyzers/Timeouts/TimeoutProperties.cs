using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>
/// The integer timeout properties whose "infinite" is a magic number, resolved once per compilation, and the
/// registrations of Microsoft.Extensions.Http.Resilience handlers that take over <c>HttpClient.Timeout</c>.
/// </summary>
internal sealed class TimeoutProperties
{
    private const string ResilienceAssemblyName = "Microsoft.Extensions.Http.Resilience";

    private readonly INamedTypeSymbol? httpClient;
    private readonly INamedTypeSymbol? dbCommand;
    private readonly INamedTypeSymbol? dataCommand;
    private readonly INamedTypeSymbol? stream;
    private readonly INamedTypeSymbol? socket;
    private readonly INamedTypeSymbol? tcpClient;
    private readonly INamedTypeSymbol? webRequest;
    private readonly INamedTypeSymbol? httpWebRequest;

    private TimeoutProperties(Compilation compilation)
    {
        httpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
        dataCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
        tcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
        webRequest = compilation.GetTypeByMetadataName("System.Net.WebRequest");
        httpWebRequest = compilation.GetTypeByMetadataName("System.Net.HttpWebRequest");
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name == ResilienceAssemblyName)
            {
                ResilienceHandlersReferenced = true;
            }
        }
    }

    public bool ResilienceHandlersReferenced { get; }

    public static TimeoutProperties Create(Compilation compilation) => new(compilation);

    public bool IsHttpClientTimeout(IPropertySymbol property)
        => property.Name == "Timeout" && IsDeclaredBy(property, httpClient);

    public InfiniteMarker MeaningOfZeroAndMinusOne(IPropertySymbol property)
    {
        switch (property.Name)
        {
            case "CommandTimeout" when IsDeclaredBy(property, dbCommand) || IsDeclaredBy(property, dataCommand):
                return InfiniteMarker.Zero;
            case "ReadTimeout" or "WriteTimeout" when IsDeclaredBy(property, stream):
                return InfiniteMarker.MinusOne;
            case "ReceiveTimeout" or "SendTimeout" when IsDeclaredBy(property, socket) || IsDeclaredBy(property, tcpClient):
                return InfiniteMarker.ZeroOrMinusOne;
            case "Timeout" when IsDeclaredBy(property, webRequest):
            case "ReadWriteTimeout" when IsDeclaredBy(property, httpWebRequest):
                return InfiniteMarker.MinusOne;
            default:
                return InfiniteMarker.None;
        }
    }

    public static bool IsResilienceHandlerRegistration(IMethodSymbol method)
        => method.Name is "AddStandardResilienceHandler" or "AddStandardHedgingHandler" or "AddResilienceHandler"
            && method.ContainingAssembly?.Name == ResilienceAssemblyName;

    /// <summary>True when the property is the type's own, an override of it, or an implementation of it.</summary>
    private static bool IsDeclaredBy(IPropertySymbol property, INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (SymbolEqualityComparer.Default.Equals(current.ContainingType, type))
            {
                return true;
            }
        }

        if (type.TypeKind == TypeKind.Interface)
        {
            foreach (var member in type.GetMembers(property.Name))
            {
                if (member is IPropertySymbol interfaceProperty
                    && (SymbolEqualityComparer.Default.Equals(property.ContainingType, type)
                        || SymbolEqualityComparer.Default.Equals(property.ContainingType.FindImplementationForInterfaceMember(interfaceProperty), property)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
