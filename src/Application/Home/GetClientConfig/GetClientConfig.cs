using Mediator;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Dev;

namespace PromoStack.Application.Home;

/// <summary>
/// What the admin app needs before anyone signs in: how to sign in (Clerk's publishable key and Frontend API), and
/// whether the development sign-in exists here. Public by nature: nothing secret, nothing of any tenant.
/// </summary>
public sealed record GetClientConfig : IQuery<ClientConfigDto>, ITenantAgnostic;

/// <param name="ClerkPublishableKey">Clerk's publishable key (<c>Auth__PublishableKey</c>); null when not configured.</param>
/// <param name="ClerkFrontendApi">The Clerk instance's Frontend API URL (<c>Auth__Issuer</c>); null when not configured.</param>
/// <param name="DevSignIn">Whether <c>POST /api/dev/sign-in</c> exists: Development with <c>Auth__DevTokens=true</c> only.</param>
public sealed record ClientConfigDto(string? ClerkPublishableKey, string? ClerkFrontendApi, bool DevSignIn);

internal sealed class GetClientConfigHandler(IClerkFrontend clerk, IDevTokenIssuer devTokens) : IQueryHandler<GetClientConfig, ClientConfigDto>
{
    public ValueTask<ClientConfigDto> Handle(GetClientConfig query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new ClientConfigDto(clerk.PublishableKey, clerk.FrontendApi, devTokens.Enabled));
}
