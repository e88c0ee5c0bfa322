using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.WebApi.IntegrationTests.Infrastructure;

/// <summary>
/// The set-up many tests share, made as the app makes it: users signed in to an app, tenants onboarded and members
/// invited through the API, bots known to the fake Bot API and connected through the API, subscriptions with access.
/// </summary>
public static class Given
{
    /// <summary>The message bot's token (the bot subscribers talk to).</summary>
    public const string MessageBotToken = "222222222:AAH-message-token-secret-part-ijklmnop";

    public const long MessageBotId = 222222222;

    /// <summary>The signal bot's token (the bot that posts to the VIP and FREE channels and administers them).</summary>
    public const string SignalBotToken = "333333333:AAH-signal-token-secret-part-qrstuvw";

    public const long SignalBotId = 333333333;

    /// <summary>A client of <paramref name="app"/> signed in as <paramref name="userId"/> (email <c>userId@example.com</c> unless given).</summary>
    public static HttpClient SignedIn(PromoStackFactory app, TestIdentityProvider identity, string userId, string? email = null)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", identity.Token(userId, email ?? $"{userId}@example.com"));
        return client;
    }

    /// <summary>
    /// Onboards tenant <paramref name="slug"/> (named after it, capitalized, unless given) through the API; returns its
    /// founder's client, signed in as <paramref name="founder"/>, the tenant's admin. The zone is sent only when given.
    /// </summary>
    public static async Task<HttpClient> TenantAsync(
        PromoStackFactory app, TestIdentityProvider identity, string founder, string slug = "alpha", string? name = null, string? timezone = null, string? email = null)
    {
        var admin = SignedIn(app, identity, founder, email);
        name ??= char.ToUpperInvariant(slug[0]) + slug[1..];
        object tenant = timezone is null ? new { slug, name } : new { slug, name, timezone };
        (await admin.PostAsJsonAsync("/api/tenants", tenant)).EnsureSuccessStatusCode();
        return admin;
    }

    /// <summary>Invites <paramref name="userId"/> (email <c>userId@example.com</c>) with a role; they sign in and accept. Returns their client.</summary>
    public static async Task<HttpClient> MemberAsync(PromoStackFactory app, TestIdentityProvider identity, HttpClient admin, string userId, string role = "member")
    {
        (await admin.PostAsJsonAsync("/api/tenant/users", new { email = $"{userId}@example.com", role })).EnsureSuccessStatusCode();
        var member = SignedIn(app, identity, userId);
        await Invitations.AcceptAllAsync(member);
        return member;
    }

    /// <summary>
    /// The admin's tenant's message bot: known to the fake Bot API as <paramref name="username"/>, accepting every
    /// message, and connected through the API. Returns the saved connection.
    /// </summary>
    public static async Task<JsonElement> MessageBotAsync(HttpClient admin, FakeTelegram telegram, string username)
    {
        telegram.KnowsBot(MessageBotToken, MessageBotId, username);
        telegram.AcceptsMessages(MessageBotToken);
        return await (await admin.PutAsJsonAsync("/api/connections/message_bot", new { token = MessageBotToken })).JsonAsync();
    }

    /// <summary>
    /// The admin's tenant's signal bot (<c>@alpha_signal_bot</c> unless given), known to the fake Bot API and accepting
    /// every message, connected through the API with its VIP channel and, when given, its FREE channel; with
    /// <paramref name="administersChannels"/>, Telegram says it has every right there. Returns the saved connection.
    /// </summary>
    public static async Task<JsonElement> SignalBotAsync(
        HttpClient admin, FakeTelegram telegram, long vipChannel, long? freeChannel = null, bool administersChannels = false,
        string token = SignalBotToken, long botId = SignalBotId, string username = "alpha_signal_bot")
    {
        telegram.KnowsBot(token, botId, username);
        telegram.AcceptsMessages(token);
        if (administersChannels)
        {
            telegram.AdministersChannels(token, botId);
        }

        var channelId = vipChannel.ToString(CultureInfo.InvariantCulture);
        object connection = freeChannel is { } free
            ? new { token, channelId, freeChannelId = free.ToString(CultureInfo.InvariantCulture) }
            : new { token, channelId };
        return await (await admin.PutAsJsonAsync("/api/connections/signal_bot", connection)).JsonAsync();
    }

    /// <summary>
    /// A subscription with access, not saved yet: begun at <paramref name="now"/>, linked to its Telegram user when
    /// given (not a former free lead), and activated until <paramref name="periodEnd"/> (a lifetime one for good).
    /// </summary>
    public static TelegramSubscription ActiveSubscription(
        string tenantId, string email, PlanType plan, DateTimeOffset now, DateTimeOffset? periodEnd = null, long? telegramUserId = null, bool renews = true)
    {
        var subscription = TelegramSubscription.Begin(tenantId, email, plan, now);
        if (telegramUserId is { } user)
        {
            subscription.LinkTelegramUser(user, null, wasFreeLead: false);
        }

        subscription.Activate(periodEnd, now, renews);
        return subscription;
    }
}
