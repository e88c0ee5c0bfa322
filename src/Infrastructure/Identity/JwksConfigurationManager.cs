using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PromoStack.Infrastructure.Identity;

/// <summary>
/// Signing keys for token validation: the configured issuer's JWKS (fetched from the configured URL, never from a
/// token's own <c>iss</c>), cached and refreshed when a token names an unknown key, plus the local development key
/// when development tokens are on.
/// </summary>
public sealed class JwksConfigurationManager(HttpClient http, string? jwksUrl, SecurityKey? devKey, TimeProvider clock)
    : IConfigurationManager<OpenIdConnectConfiguration>
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinimumRefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        var now = clock.GetUtcNow();
        if (_current is not null && !IsStale(now))
        {
            return _current;
        }

        await _lock.WaitAsync(cancel);
        try
        {
            if (_current is null || IsStale(now))
            {
                var configuration = new OpenIdConnectConfiguration();
                if (jwksUrl is not null)
                {
                    var json = await http.GetStringAsync(new Uri(jwksUrl), cancel);
                    foreach (var key in new JsonWebKeySet(json).GetSigningKeys())
                    {
                        configuration.SigningKeys.Add(key);
                    }
                }

                if (devKey is not null)
                {
                    configuration.SigningKeys.Add(devKey);
                }

                _current = configuration;
                _fetchedAt = now;
                _refreshRequested = false;
            }

            return _current;
        }
        catch (HttpRequestException) when (_current is not null)
        {
            // The identity provider is briefly unreachable: keep validating with the keys we have.
            return _current;
        }
        finally
        {
            _lock.Release();
        }
    }

    public void RequestRefresh() => _refreshRequested = true;

    private bool IsStale(DateTimeOffset now) =>
        now - _fetchedAt > RefreshInterval || (_refreshRequested && now - _fetchedAt > MinimumRefreshInterval);
}
