using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Import;

/// <summary>
/// Moves an imported tenant's live Telegram traffic to PromoStack: each of its bots' webhooks is registered at
/// PromoStack's URL with the bot's fresh secret (the original registered none). Telegram then delivers here,
/// including the updates still pending for the bot, and no longer to the original. Sent by the CLI
/// (<c>./promostack cutover</c>); the Stripe side is the tenant's to change in its dashboard, as the report says.
/// </summary>
public sealed record CutOver : ITenantCommand<CutOverReport>, ICallsOutsideServices;

/// <summary>Each bot's webhook and what the tenant must set in Stripe.</summary>
public sealed record CutOverReport(string TenantId, IReadOnlyList<BotCutOver> Bots, StripeCutOver Stripe);

/// <summary>A bot: its role and username, its webhook URL here, and whether it now points here (with Telegram's error if not).</summary>
public sealed record BotCutOver(string Role, string? Username, Uri WebhookUrl, bool PointsHere, string? Problem);

/// <summary>The webhook endpoint to add in the tenant's Stripe dashboard (and the original's to disable at the same moment).</summary>
public sealed record StripeCutOver(Uri EndpointUrl, IReadOnlyList<string> Events, bool WebhookSecretSet, string Instructions)
{
    public static StripeCutOver For(Uri url, bool webhookSecretSet) => new(
        url, StripeEventTypes.Handled, webhookSecretSet,
        "In Stripe (Developers → Webhooks), add this endpoint with these events and disable the original system's endpoint at the same time. "
        + (webhookSecretSet
            ? "Keep the imported signing secret (whsec_…) or paste the new endpoint's secret with PUT /api/stripe/settings."
            : "Paste the new endpoint's signing secret (whsec_…) with PUT /api/stripe/settings.")
        + " Events Stripe sent to the original after the import are applied there, not here: switch soon after importing, or re-send them from the Stripe dashboard (duplicates are recognised).");
}

internal sealed class CutOverHandler(
    IAppDbContext db, ITenantContext tenant, ITelegramBotApi telegram, ISecretProtector secrets, IPublicUrls urls)
    : ICommandHandler<CutOver, CutOverReport>
{
    public async ValueTask<CutOverReport> Handle(CutOver command, CancellationToken cancellationToken)
    {
        if (!await db.TenantImports.AnyAsync(cancellationToken))
        {
            throw new ConflictException("This tenant was not imported from the original system: there is nothing to cut over.");
        }

        var bots = new List<BotCutOver>();
        foreach (var connection in await db.BotConnections.AsNoTracking().Where(c => !c.IsSandbox).OrderBy(c => c.BotRole).ToListAsync(cancellationToken))
        {
            var url = urls.TelegramWebhook(connection.PublicId);
            try
            {
                await telegram.SetWebhookAsync(
                    secrets.Unprotect(ConnectionSecrets.Token, connection.BotToken), url, secrets.Unprotect(ConnectionSecrets.WebhookSecret, connection.WebhookSecret),
                    cancellationToken);
                bots.Add(new BotCutOver(BotRoleNames.Of(connection.BotRole), connection.BotUsername, url, PointsHere: true, null));
            }
            catch (TelegramRejectedException rejected)
            {
                bots.Add(new BotCutOver(BotRoleNames.Of(connection.BotRole), connection.BotUsername, url, PointsHere: false, $"Telegram refused: {rejected.Description}"));
            }
            catch (TelegramUnavailableException unavailable)
            {
                bots.Add(new BotCutOver(BotRoleNames.Of(connection.BotRole), connection.BotUsername, url, PointsHere: false, $"Telegram could not be reached: {unavailable.Message}; run the cut-over again"));
            }
        }

        var stripe = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new CutOverReport(tenant.RequiredTenantId, bots, StripeCutOver.For(urls.StripeWebhook(tenant.RequiredTenantId), stripe?.WebhookSecret is not null));
    }
}
