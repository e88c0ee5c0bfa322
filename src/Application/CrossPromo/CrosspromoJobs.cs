using System.Globalization;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Application.Connections;
using PromoStack.Application.Forex;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Common;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.CrossPromo;

public enum CrosspromoRun
{
    Posted,
    Skipped,
}

/// <summary>Creates the posts due by now on the tenant's days, at its local times; one missed beyond the catch-up window is recorded as skipped.</summary>
public sealed record PlanCrosspromo : ITenantCommand<int>;

/// <summary>Posts one job into the FREE channel (queued at most once: never twice, even across a crash), or skips it with the reason.</summary>
public sealed record RunCrosspromoJob(int Id) : ITenantCommand<CrosspromoRun>;

public sealed record CrosspromoJobDto(
    int Id, string Type, string Status, DateTimeOffset DueAt, string? Reason, JsonElement Payload, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt);

public sealed record CrosspromoJobPage(IReadOnlyList<CrosspromoJobDto> Items, int Total, int Page, int PageSize);

/// <summary>The jobs, newest first, by status, type and the local date they were for.</summary>
public sealed record ListCrosspromoJobs(CrosspromoJobStatus? Status, string? Type, DateOnly? Date, int Page = 1, int PageSize = 50) : ITenantQuery<CrosspromoJobPage>;

public sealed record CrosspromoPreview(string? Text, string? WhyNothing);

/// <summary>Today's morning post as it would go out, without sending it.</summary>
public sealed record PreviewMorningNews : ITenantQuery<CrosspromoPreview>;

/// <summary>Sends today's morning post to a chat the admin names (never the live channels), to check how it looks.</summary>
public sealed record SendCrosspromoTest(long ChatId) : ITenantCommand<CrosspromoPreview>;

internal sealed class ListCrosspromoJobsValidator : AbstractValidator<ListCrosspromoJobs>
{
    public ListCrosspromoJobsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Type).Must(t => t is null or CrosspromoJob.MorningNews or CrosspromoJob.VipTeaser or CrosspromoJob.WinningSignal)
            .WithMessage("The type is morning_news, vip_teaser or winning_signal.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

internal sealed class SendCrosspromoTestValidator : AbstractValidator<SendCrosspromoTest>
{
    public SendCrosspromoTestValidator() => RuleFor(c => c.ChatId).NotEqual(0);
}

/// <summary>What a post carries in <c>crosspromo_jobs.payload</c>: the local date it is for, or the signal.</summary>
internal sealed record CrosspromoPayload(string? LocalDate, int? SignalId);

internal sealed class PlanCrosspromoHandler(IAppDbContext db, ITenantContext tenant, TimeProvider clock) : ICommandHandler<PlanCrosspromo, int>
{
    public async ValueTask<int> Handle(PlanCrosspromo command, CancellationToken cancellationToken)
    {
        var settings = await db.CrosspromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (settings is not { Enabled: true, MorningPostTimeLocal: { } morning } || !TimeZoneInfo.TryFindSystemTimeZoneById(settings.Timezone, out var zone))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var today = ZonedTime.Today(now, zone);
        var days = settings.Weekdays.Split(',');
        var created = 0;
        foreach (var day in new[] { today.AddDays(-1), today })
        {
            if (!days.Contains(TenantCrosspromoSettings.DayNames[((int)day.DayOfWeek + 6) % 7]))
            {
                continue;
            }

            var morningAt = ZonedTime.Instant(day, morning, zone);
            foreach (var (type, due) in new[] { (CrosspromoJob.MorningNews, morningAt), (CrosspromoJob.VipTeaser, morningAt.AddMinutes(settings.TeaserOffsetMinutes)) })
            {
                var key = $"crosspromo:{type}:{day:yyyy-MM-dd}";
                if (due > now || await db.CrosspromoJobs.AnyAsync(j => j.DedupeKey == key, cancellationToken))
                {
                    continue;
                }

                var job = CrosspromoJob.Schedule(tenant.RequiredTenantId, type, JsonSerializer.Serialize(new CrosspromoPayload(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)), due, key, now);
                if (now - due > TimeSpan.FromMinutes(settings.CatchUpMinutes))
                {
                    job.Skip($"Missed: it was due at {due:u} and the app came back after the {settings.CatchUpMinutes}-minute catch-up window.", now);
                }

                db.CrosspromoJobs.Add(job);
                created++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return created;
    }
}

/// <summary>Every 5 minutes per tenant: plan what is due (posts are at most 5 minutes late; a restart catches up).</summary>
internal sealed class CrosspromoPlanJob(ISender sender) : IScheduledJob
{
    public string Name => "crosspromo-plan";

    public bool PerTenant => true;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(5), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new PlanCrosspromo(), cancellationToken);
}

/// <summary>The texts of the posts, from the tenant's own data; no line that would be empty or misleading.</summary>
internal sealed class CrosspromoTexts(IAppDbContext db, IMarketData market, IMarketNews news)
{
    public async Task<CrosspromoPreview> MorningNewsAsync(TimeZoneInfo zone, DateOnly day, CancellationToken cancellationToken)
    {
        var source = market.IsReplay ? SignalSource.Demo : SignalSource.Live;
        var lines = new List<string>();
        foreach (var (label, from) in new[] { ("Yesterday", day.AddDays(-1)), ("Last 7 days", day.AddDays(-7)) })
        {
            var start = ZonedTime.Instant(from, TimeOnly.MinValue, zone);
            var end = ZonedTime.Instant(day, TimeOnly.MinValue, zone);
            var closed = await db.ForexSignals.AsNoTracking()
                .Where(s => s.Source == source && s.ClosedAt >= start && s.ClosedAt < end && s.ResultPips != null)
                .Select(s => s.ResultPips!.Value).ToListAsync(cancellationToken);
            if (closed.Count > 0)
            {
                var pips = closed.Sum();
                var result = pips == 0 ? "flat" : $"{pips.ToString("+0.#;-0.#", CultureInfo.InvariantCulture)} pips";
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{label}: {closed.Count} signal{(closed.Count == 1 ? string.Empty : "s")}, {closed.Count(p => p > 0)} won, <b>{result}</b>"));
            }
        }

        var settings = await ForexConfigStore.SettingsAsync(db, cancellationToken);
        try
        {
            var price = await market.LatestPriceAsync(settings.Instrument, cancellationToken);
            lines.Add($"{TelegramHtml.Escape(settings.Instrument.Symbol)} now: <b>{price.ToString($"N{settings.Instrument.PriceDecimals}", CultureInfo.InvariantCulture)}</b>");
        }
        catch (MarketDataUnavailableException)
        {
            // No price line rather than a stale or made-up one.
        }

        lines.AddRange((await news.HeadlinesAsync(settings.Instrument, 3, cancellationToken))
            .Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => $"📰 {TelegramHtml.Escape(h.Trim())}"));

        return lines.Count == 0
            ? new CrosspromoPreview(null, "Nothing to report: no closed signals in the last 7 days and no price available.")
            : new CrosspromoPreview($"☀️ <b>Good morning!</b>\n{string.Join('\n', lines)}", null);
    }

    public static string Teaser => "🔒 <b>VIP members get every setup live, with entries, stops and targets.</b>\nJoin them today.";

    public static string WinningCta => "✅ <b>This VIP signal just hit its first target.</b> Members had it live.";
}

internal sealed class RunCrosspromoJobHandler(IAppDbContext db, ITelegramOutbox outbox, CrosspromoTexts texts, TimeProvider clock)
    : ICommandHandler<RunCrosspromoJob, CrosspromoRun>
{
    public async ValueTask<CrosspromoRun> Handle(RunCrosspromoJob command, CancellationToken cancellationToken)
    {
        var job = await db.CrosspromoJobs.SingleAsync(j => j.Id == command.Id, cancellationToken);
        var settings = await db.CrosspromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (settings is not { Enabled: true } || !long.TryParse(settings.FreeChannelId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var free))
        {
            return Skip(job, "Cross-promotion is off, or the FREE channel is not set.", now);
        }

        var bot = settings.BotRole == "message_bot" ? BotRole.MessageBot : BotRole.SignalBot;
        var payload = JsonSerializer.Deserialize<CrosspromoPayload>(job.Payload)!;
        var cta = settings.CtaUrl is { } url ? (IReadOnlyList<IReadOnlyList<InlineButton>>)[[new InlineButton("Join VIP", Url: url)]] : null;
        switch (job.JobType)
        {
            case CrosspromoJob.MorningNews:
                var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
                var news = await texts.MorningNewsAsync(zone, DateOnly.ParseExact(payload.LocalDate!, "yyyy-MM-dd", CultureInfo.InvariantCulture), cancellationToken);
                if (news.Text is null)
                {
                    return Skip(job, news.WhyNothing!, now);
                }

                await PostAsync(new SendText(free, news.Text), job, bot, cancellationToken);
                break;
            case CrosspromoJob.VipTeaser:
                await PostAsync(new SendText(free, CrosspromoTexts.Teaser, cta), job, bot, cancellationToken);
                break;
            case CrosspromoJob.WinningSignal:
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
                    new SendText(free, CrosspromoTexts.WinningCta, cta, ReplyToOutboxId: last.Id),
                    new OutboxOptions(bot, $"{job.DedupeKey}:cta", "crosspromo", OutboxPriority.Notification, DeliverySemantics.AtMostOnce),
                    cancellationToken);
                break;
            default:
                return Skip(job, $"Unknown job type {job.JobType}.", now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return CrosspromoRun.Posted;
    }

    private CrosspromoRun Skip(CrosspromoJob job, string reason, DateTimeOffset now)
    {
        job.Skip(reason, now);
        return CrosspromoRun.Skipped;
    }

    /// <summary>At most once: a crash while Telegram is called leaves the post unknown, never posted twice.</summary>
    private Task<TelegramOutboxMessage> PostAsync(OutgoingMessage message, CrosspromoJob job, BotRole bot, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(message, new OutboxOptions(bot, job.DedupeKey!, "crosspromo", OutboxPriority.Notification, DeliverySemantics.AtMostOnce), cancellationToken);
}

/// <summary>
/// TP1 of a live signal: its VIP post is copied into the FREE channel with a CTA, once per signal (the job's dedupe
/// key), at most the tenant's daily number of times (counted in its zone); demo signals never.
/// </summary>
internal sealed class WinningSignalPromo(IAppDbContext db, ITenantContext tenant, TimeProvider clock) : IDomainEventHandler<SignalTargetHit>
{
    public async Task HandleAsync(SignalTargetHit domainEvent, CancellationToken cancellationToken)
    {
        var settings = await db.CrosspromoSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var key = $"crosspromo:{CrosspromoJob.WinningSignal}:{domainEvent.SignalId}";
        if (domainEvent.Level != 1 || settings is not { Enabled: true } || await db.CrosspromoJobs.AnyAsync(j => j.DedupeKey == key, cancellationToken)
            || await db.ForexSignals.AsNoTracking().Where(s => s.Id == domainEvent.SignalId).Select(s => (SignalSource?)s.Source).SingleOrDefaultAsync(cancellationToken) != SignalSource.Live)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
        var dayStart = ZonedTime.Instant(ZonedTime.Today(now, zone), TimeOnly.MinValue, zone);
        var today = await db.CrosspromoJobs.CountAsync(
            j => j.JobType == CrosspromoJob.WinningSignal && j.CreatedAt >= dayStart && j.Status != CrosspromoJobStatus.Skipped, cancellationToken);
        var job = CrosspromoJob.Schedule(tenant.RequiredTenantId, CrosspromoJob.WinningSignal, JsonSerializer.Serialize(new CrosspromoPayload(null, domainEvent.SignalId)), now, key, now);
        if (today >= settings.WinningSignalsPerDay)
        {
            job.Skip($"The daily cap of {settings.WinningSignalsPerDay} winning-signal posts is reached.", now);
        }

        db.CrosspromoJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal sealed class ListCrosspromoJobsHandler(IAppDbContext db) : IQueryHandler<ListCrosspromoJobs, CrosspromoJobPage>
{
    public async ValueTask<CrosspromoJobPage> Handle(ListCrosspromoJobs query, CancellationToken cancellationToken)
    {
        var rows = db.CrosspromoJobs.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(j => j.Status == status);
        }

        if (query.Type is { } type)
        {
            rows = rows.Where(j => j.JobType == type);
        }

        if (query.Date is { } date)
        {
            var suffix = $":{date:yyyy-MM-dd}";
            rows = rows.Where(j => j.DedupeKey!.EndsWith(suffix));
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(j => j.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new CrosspromoJobPage(
            [.. page.Select(j => new CrosspromoJobDto(
                j.Id, j.JobType, j.Status.ToString().ToLowerInvariant(), j.NextAttemptAt, j.LastError, JsonSerializer.Deserialize<JsonElement>(j.Payload), j.CreatedAt, j.CompletedAt))],
            total, query.Page, query.PageSize);
    }
}

internal sealed class PreviewMorningNewsHandler(CrosspromoSettingsStore store, CrosspromoTexts texts, TimeProvider clock) : IQueryHandler<PreviewMorningNews, CrosspromoPreview>
{
    public async ValueTask<CrosspromoPreview> Handle(PreviewMorningNews query, CancellationToken cancellationToken)
    {
        var settings = await store.LoadAsync(track: false, cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(settings.Timezone);
        return await texts.MorningNewsAsync(zone, ZonedTime.Today(clock.GetUtcNow(), zone), cancellationToken);
    }
}

internal sealed class SendCrosspromoTestHandler(IAppDbContext db, CrosspromoSettingsStore store, CrosspromoTexts texts, ITelegramOutbox outbox, TimeProvider clock)
    : ICommandHandler<SendCrosspromoTest, CrosspromoPreview>
{
    public async ValueTask<CrosspromoPreview> Handle(SendCrosspromoTest command, CancellationToken cancellationToken)
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
        return new CrosspromoPreview(text, preview.WhyNothing);
    }
}
