using PromoStack.Domain.Common;

namespace PromoStack.Domain.Telegram;

/// <summary>A Telegram user who has talked to one of the tenant's bots.</summary>
public sealed class BotUser : ITenantOwned
{
    private BotUser(string tenantId, long chatId, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        ChatId = chatId;
        CreatedAt = createdAt;
        LastSeenAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public long ChatId { get; private set; }
    public string? Username { get; private set; }
    public string? FirstName { get; private set; }
    public string? LastName { get; private set; }
    public string? LastCouponCode { get; private set; }
    public bool IsBlocked { get; private set; }

    /// <summary>Set by /stop: the user no longer receives broadcasts (direct replies still reach them).</summary>
    public DateTimeOffset? UnsubscribedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastSeenAt { get; private set; }

    /// <summary>
    /// Sample data the demo seeds (<c>is_demo</c>): listed like the rest so every screen has something to show, but never
    /// counted in the tenant's real figures, nor in the audience of a broadcast or campaign.
    /// </summary>
    public bool IsDemo { get; private set; }

    public void MarkDemo() => IsDemo = true;

    public static BotUser FirstSeen(string tenantId, long chatId, string? username, string? firstName, string? lastName, DateTimeOffset now)
    {
        var user = new BotUser(tenantId, chatId, now);
        user.Seen(username, firstName, lastName, now);
        return user;
    }

    /// <summary>A user the coupon bot met first: the message bot cannot write to them until they start it.</summary>
    public static BotUser FirstSeenByCouponBot(string tenantId, long chatId, string? username, string? firstName, string? lastName, DateTimeOffset now)
    {
        var user = new BotUser(tenantId, chatId, now);
        user.SeenByCouponBot(username, firstName, lastName, now);
        return user;
    }

    /// <summary>A message or press through the message (or signal) bot: it may write to them.</summary>
    public void Seen(string? username, string? firstName, string? lastName, DateTimeOffset now)
    {
        Username = username;
        FirstName = firstName;
        LastName = lastName;
        IsBlocked = false;
        LastSeenAt = now;
        MessageBotLastSeenAt = now;
    }

    /// <summary>
    /// When the user last wrote to the message (or signal) bot; null for a user only the coupon bot knows, whom the
    /// message bot cannot write to (a bot cannot start a conversation).
    /// </summary>
    public DateTimeOffset? MessageBotLastSeenAt { get; private set; }

    /// <summary>The user blocked the bot: later sends skip them until they unblock it.</summary>
    public void MarkBlocked() => IsBlocked = true;

    public void MarkUnblocked() => IsBlocked = false;

    public void Unsubscribe(DateTimeOffset now) => UnsubscribedAt ??= now;

    /// <summary>A yes/no question the bot asked this user (e.g. <c>vip_cancel</c>), answered by their next message.</summary>
    public string? PendingConfirmation { get; private set; }

    public DateTimeOffset? PendingConfirmationExpiresAt { get; private set; }

    public void AskToConfirm(string what, DateTimeOffset expiresAt)
    {
        PendingConfirmation = Guard.NotBlank(what, "Confirmation", 32);
        PendingConfirmationExpiresAt = expiresAt;
    }

    /// <summary>The question still open at <paramref name="now"/>, cleared: a question is answered once.</summary>
    public string? TakePendingConfirmation(DateTimeOffset now)
    {
        var pending = PendingConfirmationExpiresAt > now ? PendingConfirmation : null;
        PendingConfirmation = null;
        PendingConfirmationExpiresAt = null;
        return pending;
    }

    public void Resubscribe() => UnsubscribedAt = null;

    /// <summary>When the user first and last wrote to the tenant's coupon bot (null: never).</summary>
    public DateTimeOffset? CouponFirstSeenAt { get; private set; }

    public DateTimeOffset? CouponLastSeenAt { get; private set; }

    /// <summary>The user blocked the coupon bot (a bot of its own: the message bot may still reach them, and the other way round).</summary>
    public bool CouponBotBlocked { get; private set; }

    /// <summary>A message or press through the coupon bot: the profile is refreshed and the coupon bot may write to them.</summary>
    public void SeenByCouponBot(string? username, string? firstName, string? lastName, DateTimeOffset now)
    {
        Username = username;
        FirstName = firstName;
        LastName = lastName;
        LastSeenAt = now;
        CouponFirstSeenAt ??= now;
        CouponLastSeenAt = now;
        CouponBotBlocked = false;
    }

    public void MarkCouponBotBlocked() => CouponBotBlocked = true;

    public void MarkCouponBotUnblocked() => CouponBotBlocked = false;

    /// <summary>The last code the partner accepted for this user, so <c>/generate</c> and buttons work after restarts.</summary>
    public void RememberCouponCode(string code) => LastCouponCode = Guard.NotBlank(code, "Coupon code", BotUsage.CodeMaxLength);

    public void ForgetCouponCode() => LastCouponCode = null;
}
