using System.Net;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Cli;

/// <summary>A verb runs on the machine itself, for no client: nothing it sends has a client address (nor a user to audit).</summary>
public sealed class CliRequestContext : IRequestContext
{
    public IPAddress? ClientAddress => null;
}
