using System.Globalization;
using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.CrossPromo;

/// <summary>Sends today's morning post to a chat the admin names (never the live channels), to check how it looks.</summary>
public sealed record SendCrossPromoTest(long ChatId) : ITenantCommand<CrossPromoPreview>;

internal sealed class SendCrossPromoTestValidator : AbstractValidator<SendCrossPromoTest>
{
    public SendCrossPromoTestValidator() => RuleFor(c => c.ChatId).NotEqual(0);
}

internal sealed class SendCrossPromoTestHandler(IAppDbContext db, CrossPromoSettingsStore store, CrossPromoTexts texts, ITelegramOutbox outbox, TimeProvider clock)
    : ICommandHandler<SendCrossPromoTest, CrossPromoPreview>
{
    public async ValueTask<CrossPromoPreview> Handle(SendCrossPromoTest command, CancellationToken cancellationToken)
    {
        var settings = await store.LoadAsync(track: false, cancellationToken);
        var channels = await TenantChannels.ConfiguredAsync(db, cancellationToken);
        var id = command.ChatId.ToString(CultureInfo.InvariantCulture);
        if (id == channels?.Vip || id == channels?.Free)
        {
            throw new ValidationException([new FluentValidation.Results.ValidationFailure("chatId", "A test never goes to the live VIP or FREE channel: name a test chat.")]);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
        var now = clock.GetUtcNow();
        var preview = await texts.MorningNewsAsync(zone, ZonedTime.Today(now, zone), cancellationToken);
        var text = preview.Text ?? $"(Test) {TelegramHtml.Escape(preview.WhyNothing!)}";
        var bot = settings.BotRole == "message_bot" ? BotRole.MessageBot : BotRole.SignalBot;
        await outbox.EnqueueAsync(new SendText(command.ChatId, text),
            new OutboxOptions(bot, $"crosspromo-test:{command.ChatId}:{now.ToUnixTimeMilliseconds()}", "crosspromo_test", OutboxPriority.Interactive, DeliverySemantics.AtLeastOnce),
            cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return new CrossPromoPreview(text, preview.WhyNothing);
    }
}
