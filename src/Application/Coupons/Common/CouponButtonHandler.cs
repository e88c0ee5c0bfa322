using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Coupons;

/// <summary>Presses of the coupon bot's buttons (through the coupon bot only; forged or outdated data is ignored).</summary>
internal sealed class CouponButtonHandler(CouponConversation conversation) : IButtonHandler
{
    public string Prefix => CouponBotButtons.Prefix;

    public async Task<string?> HandleAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (context.Bot != BotRole.CouponBot)
        {
            return null;
        }

        switch (CouponBotButtons.Parse(context.Text))
        {
            case CouponPress.ChooseTemplate choose:
                return await conversation.ChooseTemplateAsync(context, choose.TemplateId, null, cancellationToken);
            case CouponPress.ChooseSize choose:
                return await conversation.ChooseTemplateAsync(context, choose.TemplateId, choose.Size, cancellationToken);
            case CouponPress.ShowPage page when context.User.LastCouponCode is { } code:
                await conversation.ShowTemplatesAsync(context, code, page.Page, cancellationToken);
                return null;
            case CouponPress.ShowPage:
                await conversation.GenerateAsync(context, cancellationToken);
                return null;
            case CouponPress.SendFile file:
                await conversation.SendFileAsync(context, file.RenderId, cancellationToken);
                return null;
            default:
                return null;
        }
    }
}
