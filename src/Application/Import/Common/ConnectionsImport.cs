using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Connections;
using PromoStack.Application.Stripe;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Import;

/// <summary>
/// Bot connections and the tenant's Stripe keys, encrypted under the master key on the way in. The original's
/// webhook secrets do not survive (they were URL path segments, matched by equality and stored in clear): each
/// imported bot gets a fresh one, registered with Telegram at cut-over. A <c>telegram</c> integration whose bot has
/// no connection row becomes the tenant's signal bot. Stripe's publishable key is not needed here and is dropped.
/// </summary>
internal static partial class ConnectionsImport
{
    public static async Task RunAsync(TenantImportSession session, ISecretProtector secrets, CancellationToken cancellationToken)
    {
        var roles = new HashSet<BotRole>();
        var here = session.Merge ? (await session.Db.BotConnections.AsNoTracking().Select(c => c.BotRole).ToListAsync(cancellationToken)).ToHashSet() : [];
        await foreach (var row in session.RowsAsync("tenant_bot_connections", "tenant_bot_connections", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            BotRole? role = row.Text("bot_role") switch
            {
                "signal_bot" or "signal" => BotRole.SignalBot,
                "message_bot" or "message" => BotRole.MessageBot,
                _ => null,
            };
            if (role is null)
            {
                session.Quarantined(row, key, "tenant_bot_connections", $"Unknown bot role '{row.Text("bot_role")}'.");
                continue;
            }

            if (here.Contains(role.Value))
            {
                session.AlreadyHere(row, "tenant_bot_connections", $"a {BotRoleNames.Of(role.Value)}");
                roles.Add(role.Value);
                continue;
            }

            if (!roles.Add(role.Value))
            {
                session.Quarantined(row, key, "tenant_bot_connections", $"A second {BotRoleNames.Of(role.Value)} of the tenant (a legacy role name and the new one both present).");
                continue;
            }

            var channels = role == BotRole.SignalBot ? new BotChannels(row.Text("vip_channel_id") ?? row.Text("channel_id"), row.Text("free_channel_id")) : BotChannels.None;
            if (role == BotRole.MessageBot && row.Text("channel_id") is { } legacyChannel)
            {
                session.Notes.Add($"The message bot's legacy channel {legacyChannel} is not kept: channels are the signal bot's here.");
            }

            if (!await ConnectAsync(session, secrets, row, key, role.Value, row.Text("bot_token"), row.Text("bot_username"), channels, cancellationToken))
            {
                roles.Remove(role.Value);
            }
        }

        await foreach (var row in session.RowsAsync("tenant_integrations", "tenant_stripe_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var key = row.Text("id") ?? "?";
            System.Text.Json.Nodes.JsonObject config;
            try
            {
                config = row.Object("config_json") ?? [];
            }
            catch (SourceFormatException exception)
            {
                session.Quarantined(row, key, "tenant_integrations", exception.Message);
                continue;
            }

            switch (row.Text("provider"))
            {
                case "telegram" when roles.Contains(BotRole.SignalBot):
                    session.Skip(row, "tenant_bot_connections", "the telegram integration's bot is the signal bot's connection, already imported");
                    if (Text(config, "bot_token") is not null)
                    {
                        session.Secrets.Add("tenant_integrations.config_json.bot_token (telegram): the same bot as the signal bot's connection; not stored twice");
                    }

                    break;
                case "telegram":
                    if (await ConnectAsync(
                            session, secrets, row, key, BotRole.SignalBot, Text(config, "bot_token"), Text(config, "bot_username"),
                            new BotChannels(Text(config, "vip_channel_id"), Text(config, "free_channel_id")), cancellationToken))
                    {
                        roles.Add(BotRole.SignalBot);
                    }

                    break;
                case "stripe":
                    StripeKeys(session, secrets, row, key, config);
                    break;
                default:
                    session.Skip(row, "-", $"integration '{row.Text("provider")}' has no counterpart here");
                    break;
            }
        }

        await StripeCatalogAsync(session, cancellationToken);

        await foreach (var row in session.RowsAsync("tenant_telethon_credentials", "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "Telethon (user-account) credentials are not used by PromoStack; the api_hash and phone are not copied");
        }

        await foreach (var row in session.RowsAsync("telegram_webhook_secrets", "-", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "webhook secrets are made afresh at cut-over");
        }
    }

    private static async Task<bool> ConnectAsync(
        TenantImportSession session, ISecretProtector secrets, SourceRow row, string key, BotRole role, string? token, string? username, BotChannels channels,
        CancellationToken cancellationToken)
    {
        if (token is null || BotToken().Match(token) is not { Success: true } match || !long.TryParse(match.Groups["id"].Value, out var botId))
        {
            session.Quarantined(row, key, "tenant_bot_connections", token is null ? "No bot token." : "The bot token is not a Telegram token (digits:secret).");
            return false;
        }

        try
        {
            await AddConnectionAsync(session, secrets, row, key, role, token, botId, username, channels, cancellationToken);
            return true;
        }
        catch (Domain.Common.DomainException exception)
        {
            session.Quarantined(row, key, "tenant_bot_connections", exception.Message);
            return false;
        }
    }

    private static async Task AddConnectionAsync(
        TenantImportSession session, ISecretProtector secrets, SourceRow row, string key, BotRole role, string token, long botId, string? username,
        BotChannels channels, CancellationToken cancellationToken)
    {
        var webhook = new WebhookBinding(Guid.NewGuid(), secrets.Protect(ConnectionSecrets.WebhookSecret, ConnectionSecrets.NewWebhookSecret()));
        var credentials = new BotCredentials(
            new BotIdentity(botId, username?.TrimStart('@') ?? string.Empty), secrets.Protect(ConnectionSecrets.Token, token), SecretMask.Mask(token), webhook);
        var connection = TenantBotConnection.Connect(session.TenantId, role, credentials, channels, row.Time("created_at") ?? session.Now);
        session.Secrets.Add($"{row.Table} {key}: {BotRoleNames.Of(role)} token encrypted; its old webhook secret dropped (a fresh one is registered at cut-over)");
        await session.AddAsync(row, key, connection, "tenant_bot_connections", c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>The Stripe keys, kept on the session until the catalog settings are read (one row holds both).</summary>
    private static void StripeKeys(TenantImportSession session, ISecretProtector secrets, SourceRow row, string key, System.Text.Json.Nodes.JsonObject config)
    {
        if (Text(config, "secret_key") is not { } secretKey || !secretKey.StartsWith("sk_", StringComparison.Ordinal) && !secretKey.StartsWith("rk_", StringComparison.Ordinal))
        {
            session.Quarantined(row, key, "tenant_stripe_settings", "The stripe integration has no secret key (sk_… or rk_…).");
            return;
        }

        var webhookSecret = Text(config, "webhook_secret");
        var at = row.Time("updated_at") ?? session.Now;
        var settings = TenantStripeSettings.Create(session.TenantId, at);
        settings.SetSecrets(
            secrets.Protect(StripeSecrets.SecretKey, secretKey), webhookSecret is null ? null : secrets.Protect(StripeSecrets.WebhookSecret, webhookSecret), at);
        session.PendingStripe = (row, key, settings);
        session.Secrets.Add($"tenant_integrations {key} (stripe): secret key{(webhookSecret is null ? string.Empty : " and webhook secret")} encrypted; the publishable key is not needed and dropped");
    }

    /// <summary>
    /// The VIP product and its prices: the monthly price is the original's VIP price (else the product's monthly
    /// recurring price), the annual its yearly one, lifetime its one-time one. The catalog tables themselves are a
    /// cache of Stripe's, which <c>POST /api/stripe/sync</c> refreshes here.
    /// </summary>
    private static async Task StripeCatalogAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        var prices = new List<(string Id, string Product, string? Interval, string? Type, bool Active)>();
        var priceRows = new List<SourceRow>();
        var extraSettings = new List<SourceRow>();
        await foreach (var row in session.RowsAsync("tenant_stripe_prices", "tenant_stripe_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            prices.Add((row.RequiredText("price_id"), row.RequiredText("product_id"), row.Text("recurring_interval"), row.Text("type"), row.Bool("active") != false));
            priceRows.Add(row);
        }

        await foreach (var row in session.RowsAsync("tenant_stripe_products", "tenant_stripe_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            session.Skip(row, "-", "the product catalog is a cache of Stripe's, refreshed by POST /api/stripe/sync");
        }

        var pending = session.PendingStripe;
        await foreach (var row in session.RowsAsync("tenant_stripe_settings", "tenant_stripe_settings", SourceFilter.Tenant(session.SourceTenantId), cancellationToken))
        {
            var at = row.Time("updated_at") ?? session.Now;
            var settings = pending?.Settings ?? TenantStripeSettings.Create(session.TenantId, at);
            var product = row.Text("vip_product_id");
            var ofProduct = prices.Where(p => p.Active && (product is null || p.Product == product)).ToList();
            settings.SetProduct(
                row.Text("stripe_account_id"), product,
                row.Text("vip_price_id") ?? ofProduct.FirstOrDefault(p => p.Interval == "month").Id,
                ofProduct.FirstOrDefault(p => p.Interval == "year").Id,
                ofProduct.FirstOrDefault(p => p.Type == "one_time").Id, at);
            if (pending is null)
            {
                pending = (row, row.Text("tenant_id") ?? session.SourceTenantId, settings);
            }
            else
            {
                extraSettings.Add(row);
            }
        }

        var added = false;
        if (pending is { } kept && session.Merge && await session.Db.StripeSettings.AnyAsync(cancellationToken))
        {
            session.AlreadyHere(kept.Row, "tenant_stripe_settings", "Stripe settings");
            session.Secrets.Add("Stripe keys: not taken, the tenant's own settings here are kept");
        }
        else if (pending is { } stripe)
        {
            await session.AddAsync(stripe.Row, stripe.Key, stripe.Settings, "tenant_stripe_settings", s => s.TenantId, cancellationToken);
            added = true;
        }

        foreach (var row in priceRows.Concat(extraSettings))
        {
            if (added)
            {
                session.Merged(row, "tenant_stripe_settings");
            }
            else
            {
                session.Skip(row, "tenant_stripe_settings", "the Stripe catalog and settings rows of a tenant whose Stripe settings were not taken (none to attach them to, or its own kept)");
            }
        }
    }

    private static string? Text(System.Text.Json.Nodes.JsonObject config, string name) =>
        config[name] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    [GeneratedRegex(@"\A(?<id>[0-9]{5,15}):[A-Za-z0-9_-]{30,}\z", RegexOptions.CultureInvariant)]
    private static partial Regex BotToken();
}
