namespace PromoStack.Application.Home;

/// <summary>The public half of the Clerk configuration: what a browser needs to sign in (<c>Auth__*</c>).</summary>
public interface IClerkFrontend
{
    /// <summary>The Clerk instance's publishable key (<c>pk_live_…</c> / <c>pk_test_…</c>), public by design.</summary>
    string? PublishableKey { get; }

    /// <summary>The Clerk instance's Frontend API URL: the issuer of the tokens the API accepts.</summary>
    string? FrontendApi { get; }
}
