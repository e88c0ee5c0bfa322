using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace PromoStack.WebApi.IntegrationTests.Webhooks;

/// <summary>
/// The test server has no network peer: a request's <see cref="Header"/> says which address it comes from, set before
/// the app's own pipeline (and so before its forwarded headers) as a real connection's would be.
/// </summary>
public sealed class PeerAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers[Header] is [{ } peer])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
