using Microsoft.Extensions.Options;
using PromoStack.Application.Home;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Identity;

/// <summary>The public Clerk settings from <c>Auth__PublishableKey</c> and <c>Auth__Issuer</c>.</summary>
public sealed class ClerkFrontend(IOptions<AuthOptions> options) : IClerkFrontend
{
    public string? PublishableKey => Blank(options.Value.PublishableKey);

    /// <summary>As Clerk's tokens name it: without a trailing slash.</summary>
    public string? FrontendApi => Blank(options.Value.Issuer)?.TrimEnd('/');

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
