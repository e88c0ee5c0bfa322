namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Auth__*</c>: Clerk session tokens and local development tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The Clerk instance's Frontend API URL; tokens from any other issuer are refused.</summary>
    public string? Issuer { get; set; }

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

/// <summary><c>Clerk__*</c>: the Backend API, for a user's email when the token has none.</summary>
public sealed class ClerkOptions
{
    public const string Section = "Clerk";

    public string? SecretKey { get; set; }

    public Uri ApiBaseUrl { get; set; } = new("https://api.clerk.com/");

    public int TimeoutSeconds { get; set; } = 10;
}

/// <summary><c>App__*</c>.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The public URL of this API, under which webhooks are registered.</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary><c>Telegram__*</c>.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The Bot API server (a local Bot API server, or a fake in tests).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary><c>Cors__AllowedOrigins</c>: the admin web app's origins, comma-separated.</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    public string? AllowedOrigins { get; set; }

    public IReadOnlyList<string> Origins =>
        (AllowedOrigins ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary><c>Workers__*</c>: background workers and schedules (off in tests, which run them explicitly).</summary>
public sealed class WorkerOptions
{
    public const string Section = "Workers";

    public bool Enabled { get; set; } = true;

    public int PollIntervalMilliseconds { get; set; } = 1000;
}
