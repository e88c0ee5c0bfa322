using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.CrossPromo;

/// <summary>Posts one job into the FREE channel (queued at most once: never twice, even across a crash), or skips it with the reason.</summary>
public sealed record RunCrossPromoJob(int Id) : ITenantCommand<CrossPromoRun>;

internal sealed class RunCrossPromoJobHandler(IAppDbContext db, ITelegramOutbox outbox, CrossPromoTexts texts, TimeProvider clock)
    : ICommandHandler<RunCrossPromoJob, CrossPromoRun>
{
    public async ValueTask<CrossPromoRun> Handle(RunCrossPromoJob command, CancellationToken cancellationToken)
    {
        var job = await db.CrossPromoJobs.SingleAsync(j => j.Id == command.Id, cancellationToken);
        var settings = await db.CrossPromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (settings is not { Enabled: true } || !long.TryParse(settings.FreeChannelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var free))
        {
            return Skip(job, "Cross-promotion is off, or the FREE channel is not set.", now);
        }

        var bot = settings.BotRole == "message_bot" ? BotRole.MessageBot : BotRole.SignalBot;
        var payload = JsonSerializer.Deserialize<CrossPromoPayload>(job.Payload)!;
        var cta = settings.CtaUrl is { } url ? (IReadOnlyList<IReadOnlyList<InlineButton>>)[[new InlineButton("Join VIP", Url: url)]] : null;
        switch (job.JobType)
        {
            case CrossPromoJob.MorningNews:
                var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
                var news = await texts.MorningNewsAsync(zone, DateOnly.ParseExact(payload.LocalDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
                if (news.Text is null)
                {
                    return Skip(job, news.WhyNothing!, now);
                }

                await PostAsync(new SendText(free, news.Text), job, bot, cancellationToken);
                break;
            case CrossPromoJob.VipTeaser:
                await PostAsync(new SendText(free, CrossPromoTexts.Teaser, cta), job, bot, cancellationToken);
                break;
            case CrossPromoJob.WinningSignal:
                var signal = await db.ForexSignals.AsNoTracking().SingleOrDefaultAsync(s => s.Id == payload.SignalId, cancellationToken);
                if (signal?.TelegramPostOutboxId is not { } post || !long.TryParse(settings.VipChannelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var vip))
                {
                    return Skip(job, "The signal's VIP post is not known.", now);
                }

                // The VIP post, then the VIP channel's own "TP1 hit" reply when there is one, then the CTA under them.
                var last = await PostAsync(new CopyMessage(free, vip, null, post), job, bot, cancellationToken);
                var winKey = $"signal:{signal.Id}:tp1:reply";
                if (await db.TelegramOutbox.Where(m => m.DedupeKey == winKey).Select(m => (long?)m.Id).SingleOrDefaultAsync(cancellationToken) is { } win)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    last = await outbox.EnqueueAsync(
                        new CopyMessage(free, vip, null, win),
                        new OutboxOptions(bot, $"{job.DedupeKey}:win", "crosspromo", OutboxPriority.Notification, DeliverySemantics.AtMostOnce), cancellationToken);
                }

                await db.SaveChangesAsync(cancellationToken);
                await outbox.EnqueueAsync(
                    new SendText(free, CrossPromoTexts.WinningCta, cta, ReplyToOutboxId: last.Id),
                    new OutboxOptions(bot, $"{job.DedupeKey}:cta", "crosspromo", OutboxPriority.Notification, DeliverySemantics.AtMostOnce),
                    cancellationToken);
                break;
            default:
                return Skip(job, $"Unknown job type {job.JobType}.", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CrossPromoRun.Posted;
    }

    private CrossPromoRun Skip(CrossPromoJob job, string reason, DateTimeOffset now)
    {
        job.Skip(reason, now);
        return CrossPromoRun.Skipped;
    }

    /// <summary>At most once: a crash while Telegram is called leaves the post unknown, never posted twice.</summary>
    private Task<TelegramOutboxMessage> PostAsync(OutgoingMessage message, CrossPromoJob job, BotRole bot, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(message, new OutboxOptions(bot, job.DedupeKey!, "crosspromo", OutboxPriority.Notification, DeliverySemantics.AtMostOnce), cancellationToken);
}
