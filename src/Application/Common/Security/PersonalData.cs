using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Common.Security;

/// <summary>
/// Personal data (subscribers' and entrants' emails, Telegram names and ids, Stripe ids, journey answers) is shown in
/// full to the tenant's admins only; a member sees it masked (enough to tell rows apart) or not at all.
/// </summary>
public sealed class PersonalData(ICurrentUser user)
{
    /// <summary>Whether the current user may see personal data in full.</summary>
    public bool InFull => user.Role == TenantRole.Admin;

    /// <summary><c>ana@example.com</c> → <c>a…@example.com</c> for a member.</summary>
    public string? Email(string? email) =>
        InFull || email is null ? email
        : email.IndexOf('@', StringComparison.Ordinal) is var at and > 0 ? $"{email[0]}…{email[at..]}" : "…";

    /// <summary>A name or Telegram username: its first letter for a member.</summary>
    public string? Name(string? name) => InFull || string.IsNullOrEmpty(name) ? name : $"{name[0]}…";

    /// <summary>An identifier (a Telegram id, a Stripe id): nothing for a member.</summary>
    public T? Id<T>(T? id) where T : struct => InFull ? id : null;

    /// <summary>An identifier (a Telegram id, a Stripe id): nothing for a member.</summary>
    public string? Id(string? id) => InFull ? id : null;
}
