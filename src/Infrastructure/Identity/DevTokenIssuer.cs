using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using PromoStack.Application.Dev;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Identity;

/// <summary>
/// <see cref="DevTokens"/> for <c>POST /api/dev/sign-in</c>: the key the app trusts (<c>Auth__DevKeyPath</c>, the one
/// <c>./promostack dev-token</c> signs with), loaded on first use. Off anywhere but Development with
/// <c>Auth__DevTokens=true</c>.
/// </summary>
public sealed class DevTokenIssuer(IOptions<AuthOptions> options, IHostEnvironment environment, TimeProvider clock) : IDevTokenIssuer
{
    private readonly Lazy<RsaSecurityKey> _key = new(() => DevTokens.LoadOrCreateKey(options.Value.DevKeyPath));

    public bool Enabled => environment.IsDevelopment() && options.Value.DevTokens;

    public string Issue(DevUser user) => Enabled
        ? DevTokens.Create(_key.Value, user.UserId, user.Email, clock.GetUtcNow())
        : throw new InvalidOperationException("Development tokens are issued in Development with Auth__DevTokens=true only.");
}
