using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The coupon bot's private messages: <c>/start</c> (with a code as its payload, e.g. from a <c>?start=SAVE20</c>
/// link, the code is taken), <c>/generate</c>, <c>/help</c>, <c>/cancel</c>; any other text is a code attempt.
/// </summary>
internal sealed class CouponBotRouter(CouponConversation conversation, BotReplies replies) : IBotRoleRouter
{
    public BotRole Role => BotRole.CouponBot;

    public async Task RouteAsync(BotMessageContext context, CancellationToken cancellationToken)
    {
        if (!context.Text.StartsWith('/'))
        {
            await conversation.TakeCodeAsync(context, context.Text, cancellationToken);
            return;
        }

        var (name, argument) = MessageRouter.ParseCommand(context.Text);
        switch (name)
        {
            case "start" when argument is not null:
                await conversation.TakeCodeAsync(context, argument, cancellationToken);
                break;
            case "start":
                context.User.Resubscribe();
                await replies.ReplyAsync(context, CouponBotTexts.Welcome, cancellationToken);
                break;
            case "generate":
                await conversation.GenerateAsync(context, cancellationToken);
                break;
            case "cancel":
                await conversation.CancelAsync(context, cancellationToken);
                break;
            default:
                await replies.ReplyAsync(context, CouponBotTexts.Help, cancellationToken);
                break;
        }
    }
}
