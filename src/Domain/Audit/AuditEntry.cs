using System.Net;
using PromoStack.Domain.Common;
using PromoStack.Domain.Tenants;

namespace PromoStack.Domain.Audit;

/// <summary>
/// One change (or export of personal data, or look-in) a signed-in user made through the API: who, when, in which
/// tenant (none for a platform-wide action), what (the message's name and its fields, secrets masked) and from which
/// address. Written in the transaction of the change it records, so only what succeeded is ever recorded; never
/// changed afterwards, and pruned after <see cref="Retention"/>.
/// </summary>
public sealed class AuditEntry : ITenantOrPlatformOwned
{
    public const int ActionMaxLength = 100;
    public const int UserIdMaxLength = 128;

    /// <summary>How long an entry is kept.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(365);

    private AuditEntry(
        string? tenantId, DateTimeOffset occurredAt, string userId, string? userEmail, TenantRole? userRole, bool platformOperator, string action, string fields,
        IPAddress? clientAddress)
    {
        TenantId = tenantId;
        OccurredAt = occurredAt;
        UserId = userId;
        UserEmail = userEmail;
        UserRole = userRole;
        PlatformOperator = platformOperator;
        Action = action;
        Fields = fields;
        ClientAddress = clientAddress;
    }

    public long Id { get; private set; }

    /// <summary>The tenant acted in; null for a platform-wide action (onboarding, the operators' tenant list).</summary>
    public string? TenantId { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>The Clerk user id of who acted.</summary>
    public string UserId { get; private set; }

    public string? UserEmail { get; private set; }

    /// <summary>Their role in <see cref="TenantId"/> when they acted; null outside a tenant.</summary>
    public TenantRole? UserRole { get; private set; }

    /// <summary>Whether they were a platform operator when they acted.</summary>
    public bool PlatformOperator { get; private set; }

    /// <summary>The message sent, by its name (e.g. <c>SaveConnection</c>).</summary>
    public string Action { get; private set; }

    /// <summary>The message's fields as a JSON object, secrets masked and large values summarised.</summary>
    public string Fields { get; private set; }

    /// <summary>The client's address, as the API saw it behind the known proxies.</summary>
    public IPAddress? ClientAddress { get; private set; }

    public static AuditEntry Record(
        string? tenantId, DateTimeOffset now, string userId, string? userEmail, TenantRole? userRole, bool platformOperator, string action, string fields,
        IPAddress? clientAddress) =>
        new(tenantId, now, Guard.NotBlank(userId, "User", UserIdMaxLength), userEmail, userRole, platformOperator, Guard.NotBlank(action, "Action", ActionMaxLength),
            Guard.NotBlank(fields, "Fields", int.MaxValue), clientAddress);
}
