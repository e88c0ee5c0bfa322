using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PromoStack.Application.Common.Exceptions;

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
    private DateTimeOffset _failedAt = DateTimeOffset.MinValue;
    private bool _refreshRequested;

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is not null && !IsStale(clock.GetUtcNow()))
        {
            return _current;
        }

        await _lock.WaitAsync(cancel);
        try
        {
            var now = clock.GetUtcNow();
            if (_current is not null && !IsStale(now))
            {
                return _current;
            }

            if (now - _failedAt < MinimumRefreshInterval)
            {
                // The identity provider failed moments ago: don't queue every request behind another attempt.
                return _current ?? throw new IdentityProviderUnavailableException();
            }

            try
            {
                _current = await FetchAsync(cancel);
                _fetchedAt = now;
                _refreshRequested = false;
                return _current;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or ArgumentException
                                                   && !cancel.IsCancellationRequested)
            {
                // Keep validating with the keys we have; without any, sign-in is unavailable (503), not broken (500).
                _failedAt = now;
                return _current ?? throw new IdentityProviderUnavailableException();
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void RequestRefresh() => _refreshRequested = true;

    private async Task<OpenIdConnectConfiguration> FetchAsync(CancellationToken cancel)
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

        return configuration;
    }

    private bool IsStale(DateTimeOffset now) =>
        now - _fetchedAt > RefreshInterval || (_refreshRequested && now - _fetchedAt > MinimumRefreshInterval);
}

/// <summary>The identity provider's keys cannot be fetched and none are cached: sign-in is unavailable (503).</summary>
public sealed class IdentityProviderUnavailableException()
    : OutsideServiceUnavailableException("Sign-in is unavailable: the identity provider's signing keys cannot be fetched. Try again shortly.");
