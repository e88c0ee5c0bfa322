namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Auth__*</c>: Clerk session tokens and local development tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The Clerk instance's Frontend API URL; tokens from any other issuer are refused.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The Clerk instance's publishable key (<c>pk_live_…</c> / <c>pk_test_…</c>), which the admin app signs in with.
    /// Public by design: <c>GET /api/config</c> hands it out before sign-in.
    /// </summary>
    public string? PublishableKey { get; set; }

    /// <summary>Defaults to the issuer's <c>/.well-known/jwks.json</c>; never taken from a token.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>Comma-separated origins allowed in <c>azp</c>; when set, a token whose <c>azp</c> is another is refused.</summary>
    public string? AuthorizedParties { get; set; }

    /// <summary>Trust tokens signed by the local development key (<c>./promostack dev-token</c>). Refused in Production.</summary>
    public bool DevTokens { get; set; }

    public string DevKeyPath { get; set; } = ".local/dev-signing-key.pem";

    public int ClockSkewSeconds { get; set; } = 10;

    /// <summary>How long to wait for the JWKS endpoint.</summary>
    public int JwksTimeoutSeconds { get; set; } = 10;

    public string ResolvedJwksUrl => JwksUrl ?? $"{Issuer?.TrimEnd('/')}/.well-known/jwks.json";

    public IReadOnlyList<string> AuthorizedPartyList =>
        (AuthorizedParties ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
