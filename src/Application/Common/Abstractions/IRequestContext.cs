using System.Net;

namespace PromoStack.Application.Common.Abstractions;

/// <summary>What the audit log records of the request a message came with, beyond the signed-in user.</summary>
public interface IRequestContext
{
    /// <summary>The client's address (behind known proxies, the one they forwarded); null outside a request.</summary>
    IPAddress? ClientAddress { get; }
}
