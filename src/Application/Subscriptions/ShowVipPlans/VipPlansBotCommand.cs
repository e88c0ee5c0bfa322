using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Subscriptions;

/// <summary>
/// <c>/start vip</c> (also <c>/vip</c>): the plans as buttons. The <c>vip</c> prefix is reserved for this feature.
/// An active subscriber is pointed to /status instead.
/// </summary>
internal sealed class VipPlansBotCommand(IAppDbContext db, PlanOffers offers, BotReplies replies) : IStartPayloadHandler, IBotCommand
{
    public string Prefix => "vip";

    public string Name => "vip";

    public Task HandleAsync(BotMessageContext context, string payload, CancellationToken cancellationToken) => ShowAsync(context, cancellationToken);

    Task IBotCommand.HandleAsync(BotMessageContext context, string? argument, CancellationToken cancellationToken) => ShowAsync(context, cancellationToken);

    private async Task ShowAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (await db.TelegramSubscriptions.AnyAsync(s => s.TelegramUserId == context.From.Id && s.Status == SubscriptionStatus.Active, cancellationToken))
        {
            await replies.ReplyAsync(context, "✅ You already have VIP access. /status shows your plan and sends your link if you need one.", cancellationToken);
            return;
        }

        var plans = await offers.ListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            await replies.ReplyAsync(context, "VIP is not on sale right now. Please check back soon.", cancellationToken);
            return;
        }

        await replies.ReplyAsync(
            context, "⭐ <b>VIP access</b>\nChoose your plan:",
            [.. plans.Select(p => (IReadOnlyList<InlineButton>)[new InlineButton(p.Label, CallbackData: ChoosePlanButton.DataPrefix + p.Plan.ToString().ToLowerInvariant())])],
            cancellationToken);
    }
}
