using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Import;

/// <summary>
/// Where an imported tenant's traffic goes today: each bot's webhook as Telegram reports it (here, elsewhere — the
/// original — or unknown when Telegram cannot be asked), and the Stripe endpoint and events to set in its dashboard.
/// </summary>
public sealed record GetCutOver : ITenantQuery<CutOverReport>;

internal sealed class GetCutOverHandler(
    IAppDbContext db, ITenantContext tenant, ITelegramBotApi telegram, ISecretProtector secrets, IPublicUrls urls)
    : IQueryHandler<GetCutOver, CutOverReport>
{
    public async ValueTask<CutOverReport> Handle(GetCutOver query, CancellationToken cancellationToken)
    {
        if (!await db.TenantImports.AnyAsync(cancellationToken))
        {
            throw new NotFoundException("Import from the original system of tenant", tenant.RequiredTenantId);
        }

        var bots = new List<BotCutOver>();
        foreach (var connection in await db.BotConnections.AsNoTracking().Where(c => !c.IsSandbox).OrderBy(c => c.BotRole).ToListAsync(cancellationToken))
        {
            var url = urls.TelegramWebhook(connection.PublicId);
            try
            {
                var status = await telegram.GetWebhookInfoAsync(secrets.Unprotect(ConnectionSecrets.Token, connection.BotToken), cancellationToken);
                var here = status.Url == url.AbsoluteUri;
                bots.Add(new BotCutOver(BotRoleNames.Of(connection.BotRole), connection.BotUsername, url, here,
                    here ? status.LastErrorMessage : status.Url is { Length: > 0 } elsewhere ? $"Telegram delivers to {elsewhere}" : "No webhook is registered"));
            }
            catch (Exception exception) when (exception is TelegramRejectedException or TelegramUnavailableException)
            {
                bots.Add(new BotCutOver(BotRoleNames.Of(connection.BotRole), connection.BotUsername, url, PointsHere: false, $"Telegram cannot tell: {exception.Message}"));
            }
        }

        var stripe = await db.StripeSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new CutOverReport(tenant.RequiredTenantId, bots, StripeCutOver.For(urls.StripeWebhook(tenant.RequiredTenantId), stripe?.WebhookSecret is not null));
    }
}
