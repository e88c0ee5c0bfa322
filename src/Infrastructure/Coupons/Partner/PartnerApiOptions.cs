namespace PromoStack.Infrastructure.Coupons.Partner;

/// <summary><c>Coupons__Partner__*</c>: where the partners' code-check APIs may be.</summary>
public sealed class PartnerApiOptions
{
    public const string Section = "Coupons:Partner";

    /// <summary>
    /// Whether a partner URL may lead to a loopback, private, link-local or other non-public address. Off in
    /// production: a tenant's admin sets the URL, and the app must not become a way into its own network (cloud
    /// metadata, the database, other services). On for development and tests, whose fake partners run on 127.0.0.1.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
