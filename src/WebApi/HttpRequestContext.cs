using System.Net;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.WebApi;

/// <summary>
/// The current HTTP request's client address, as the connection reports it after the forwarded headers of known
/// proxies were applied (<c>Proxies__KnownProxies</c>): an IPv4 client reached over IPv6 is given as IPv4.
/// </summary>
public sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    public IPAddress? ClientAddress
    {
        get
        {
            var address = accessor.HttpContext?.Connection.RemoteIpAddress;
            return address is { IsIPv4MappedToIPv6: true } ? address.MapToIPv4() : address;
        }
    }
}
