namespace PromoStack.Application.Dev;

/// <summary>
/// Mints local development tokens, as <c>./promostack dev-token</c> does (same key, issuer and lifetime). They are
/// trusted only in Development with <c>Auth__DevTokens=true</c>, and only for development users (<c>dev_…</c>).
/// </summary>
public interface IDevTokenIssuer
{
    /// <summary>Whether development sign-in exists in this app: Development with <c>Auth__DevTokens=true</c>.</summary>
    bool Enabled { get; }

    /// <summary>A token for a development user; throws when development sign-in is off.</summary>
    string Issue(DevUser user);
}
