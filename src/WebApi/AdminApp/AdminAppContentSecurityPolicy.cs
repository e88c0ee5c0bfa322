using PromoStack.Infrastructure.Configuration;
using PromoStack.WebApi.Security;

namespace PromoStack.WebApi.AdminApp;

/// <summary>
/// The admin app's Content-Security-Policy: its own scripts only (the build has no inline script; nothing is
/// evaluated), styles of its own and inline ones (style attributes and the style elements Clerk's components insert),
/// images of its own and the <c>data:</c>/<c>blob:</c> URLs it makes (previews, downloads), calls to this API only,
/// and never framed. With Clerk configured (<c>Auth__PublishableKey</c>), its Frontend API (<c>Auth__Issuer</c>, else
/// any Clerk-hosted one) may serve scripts, calls, frames and images, with Clerk's image host and the bot-protection
/// challenge Clerk's sign-up shows.
/// </summary>
public static class AdminAppContentSecurityPolicy
{
    /// <summary>Clerk's image host (avatars, logos).</summary>
    public const string ClerkImages = "https://img.clerk.com";

    /// <summary>Cloudflare Turnstile, Clerk's bot protection on sign-up: a script and a frame.</summary>
    public const string ClerkChallenges = "https://challenges.cloudflare.com";

    /// <summary>Where a Clerk Frontend API lives when <c>Auth__Issuer</c> does not say.</summary>
    public static readonly string[] ClerkHosted = ["https://*.clerk.accounts.dev", "https://*.clerk.com"];

    public static string For(AuthOptions? auth)
    {
        var clerk = string.IsNullOrWhiteSpace(auth?.PublishableKey) ? [] : ClerkOrigins(auth.Issuer);
        var challenge = clerk.Length == 0 ? [] : new[] { ClerkChallenges };
        var images = clerk.Length == 0 ? [] : new[] { ClerkImages };
        string[] frames = [.. clerk, .. challenge];
        return string.Join("; ",
            "default-src 'self'",
            Directive("script-src", ["'self'", .. clerk, .. challenge]),
            "style-src 'self' 'unsafe-inline'",
            Directive("img-src", ["'self'", "data:", "blob:", .. clerk, .. images]),
            "font-src 'self' data:",
            Directive("connect-src", ["'self'", .. clerk]),
            Directive("frame-src", frames.Length == 0 ? ["'none'"] : frames),
            "worker-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            SecurityHeaders.FrameAncestorsNone);
    }

    private static string[] ClerkOrigins(string? issuer) =>
        Uri.TryCreate(issuer?.Trim(), UriKind.Absolute, out var uri) ? [uri.GetLeftPart(UriPartial.Authority)] : ClerkHosted;

    private static string Directive(string name, string[] sources) => name + " " + string.Join(' ', sources);
}
