using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Application.Telegram.Leads;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Broadcasts;

public sealed record BroadcastButton(string? Text, string? Url);

public sealed record BroadcastProgress(int Recipients, int Sent, int Failed, int Blocked, int Skipped, int Pending);

public sealed record BroadcastDto(
    int Id, string Message, string? Photo, IReadOnlyList<BroadcastButton> Buttons, BroadcastAudience Audience, string Status, BroadcastProgress Progress,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

/// <summary>A message to an audience, sent through the outbox at bulk priority (interactive replies go first).</summary>
public sealed record CreateBroadcast(string Message, string? Photo, IReadOnlyList<BroadcastButton>? Buttons, BroadcastAudience Audience) : ITenantCommand<BroadcastDto>;

public sealed record ListBroadcasts : ITenantQuery<IReadOnlyList<BroadcastDto>>;

public sealed record GetBroadcast(int Id) : ITenantQuery<BroadcastDto>;

/// <summary>Stops a broadcast: recipients not yet sent to are skipped (their queued messages withdrawn); 409 once finished.</summary>
public sealed record CancelBroadcast(int Id) : ITenantCommand<BroadcastDto>;

/// <summary>
/// One slice of a broadcast's work (the queue worker runs it again until it says done): fix the recipients once, queue
/// the next recipients' messages, and record the outcomes the sender reached.
/// </summary>
public sealed record RunBroadcastSlice(int Id) : ITenantCommand<bool>;

internal sealed class CreateBroadcastValidator : AbstractValidator<CreateBroadcast>
{
    public CreateBroadcastValidator()
    {
        RuleFor(c => c.Message).NotEmpty().MaximumLength(BroadcastJob.MessageMaxLength)
            .Must(m => TelegramHtmlCheck.Problem(m) is null).WithMessage(c => TelegramHtmlCheck.Problem(c.Message) ?? string.Empty);
        RuleFor(c => c.Message).MaximumLength(1024).When(c => c.Photo is not null).WithMessage("A photo's caption is at most 1024 characters.");
        RuleFor(c => c.Photo).MaximumLength(2048);
        RuleFor(c => c.Audience).IsInEnum();
        RuleFor(c => c.Buttons).Must(b => b is null || b.Count <= 8).WithMessage("At most 8 buttons.");
        RuleForEach(c => c.Buttons).ChildRules(button =>
        {
            button.RuleFor(b => b.Text).NotEmpty().MaximumLength(64);
            button.RuleFor(b => b.Url).NotEmpty().MaximumLength(2048)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "tg")
                .WithMessage("A button URL must be an absolute https://, http:// or tg:// link.");
        });
    }
}

internal sealed class BroadcastQueries(IAppDbContext db)
{
    public async Task<BroadcastDto> DtoAsync(BroadcastJob job, CancellationToken cancellationToken) => (await DtosAsync([job], cancellationToken))[0];

    /// <summary>The broadcasts with their progress, in one query whatever their number.</summary>
    public async Task<IReadOnlyList<BroadcastDto>> DtosAsync(IReadOnlyList<BroadcastJob> jobs, CancellationToken cancellationToken)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        var counts = (await db.BroadcastDeliveries.Where(d => ids.Contains(d.BroadcastId)).GroupBy(d => new { d.BroadcastId, d.Status })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.BroadcastId, c.Status), c => c.Count);
        return [.. jobs.Select(job =>
        {
            int Count(DeliveryStatus status) => counts.GetValueOrDefault((job.Id, status));
            return new BroadcastDto(
                job.Id, job.Message, job.Photo, job.Buttons is null ? [] : JsonSerializer.Deserialize<List<BroadcastButton>>(job.Buttons) ?? [], job.Audience,
                job.Status.ToString().ToLowerInvariant(),
                new BroadcastProgress(
                    job.Recipients ?? 0, Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed), Count(DeliveryStatus.Blocked), Count(DeliveryStatus.Skipped),
                    Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Queued)),
                job.CreatedAt, job.StartedAt, job.CompletedAt);
        })];
    }

    public async Task<BroadcastJob> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await db.BroadcastJobs.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("Broadcast", id);
}

internal sealed class CreateBroadcastHandler(IAppDbContext db, ITenantContext tenant, BroadcastQueries broadcasts, TimeProvider clock)
    : ICommandHandler<CreateBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(CreateBroadcast command, CancellationToken cancellationToken)
    {
        if (!await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.MessageBot, cancellationToken))
        {
            throw new ConflictException("Connect the message bot first: broadcasts go to its users.");
        }

        var now = clock.GetUtcNow();
        var job = BroadcastJob.Create(
            tenant.RequiredTenantId, command.Message, command.Audience, command.Photo,
            command.Buttons is { Count: > 0 } buttons ? JsonSerializer.Serialize(buttons) : null, now, null, now);
        db.BroadcastJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return await broadcasts.DtoAsync(job, cancellationToken);
    }
}

internal sealed class ListBroadcastsHandler(IAppDbContext db, BroadcastQueries broadcasts) : IQueryHandler<ListBroadcasts, IReadOnlyList<BroadcastDto>>
{
    public async ValueTask<IReadOnlyList<BroadcastDto>> Handle(ListBroadcasts query, CancellationToken cancellationToken)
    {
        return await broadcasts.DtosAsync(await db.BroadcastJobs.AsNoTracking().OrderByDescending(b => b.Id).Take(100).ToListAsync(cancellationToken), cancellationToken);
    }
}

internal sealed class GetBroadcastHandler(BroadcastQueries broadcasts) : IQueryHandler<GetBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(GetBroadcast query, CancellationToken cancellationToken) =>
        await broadcasts.DtoAsync(await broadcasts.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}

internal sealed class CancelBroadcastHandler(IAppDbContext db, BroadcastQueries broadcasts, TimeProvider clock) : ICommandHandler<CancelBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(CancelBroadcast command, CancellationToken cancellationToken)
    {
        var job = await broadcasts.TrackedAsync(command.Id, cancellationToken);
        job.Cancel(clock.GetUtcNow());
        // Not reached yet: skipped, and their queued messages withdrawn before the sender takes them.
        await db.BroadcastDeliveries.Where(d => d.BroadcastId == job.Id && (d.Status == DeliveryStatus.Pending
                || (d.Status == DeliveryStatus.Queued && db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Pending))))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);
        var prefix = BroadcastSlices.KeyPrefix(job.Id);
        await db.TelegramOutbox.Where(m => m.Kind == BroadcastSlices.Kind && m.DedupeKey!.StartsWith(prefix) && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Status, OutboxStatus.Failed).SetProperty(x => x.LastError, "The broadcast was cancelled."), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await BroadcastSlices.RecordOutcomesAsync(db, job.Id, cancellationToken);
        return await broadcasts.DtoAsync(job, cancellationToken);
    }
}

internal sealed class RunBroadcastSliceHandler(IAppDbContext db, ITelegramOutbox outbox, TimeProvider clock) : ICommandHandler<RunBroadcastSlice, bool>
{
    public const int SliceSize = 500;

    public async ValueTask<bool> Handle(RunBroadcastSlice command, CancellationToken cancellationToken)
    {
        var job = await db.BroadcastJobs.SingleOrDefaultAsync(b => b.Id == command.Id, cancellationToken);
        if (job is null || job.IsFinished)
        {
            return true;
        }

        var now = clock.GetUtcNow();
        if (job.StartedAt is null)
        {
            var chats = await Audience(job.Audience).ToListAsync(cancellationToken);
            db.BroadcastDeliveries.AddRange(chats.Distinct().Select(chat => BroadcastDelivery.For(job, chat, now)));
            job.FixRecipients(chats.Distinct().Count(), now);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        var next = await db.BroadcastDeliveries.Where(d => d.BroadcastId == job.Id && d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.ChatId).Take(SliceSize).ToListAsync(cancellationToken);
        var buttons = job.Buttons is null
            ? null
            : (IReadOnlyList<IReadOnlyList<InlineButton>>)[.. (JsonSerializer.Deserialize<List<BroadcastButton>>(job.Buttons) ?? []).Select(b => (IReadOnlyList<InlineButton>)[new InlineButton(b.Text!, Url: b.Url)])];
        var queued = new List<(BroadcastDelivery Delivery, TelegramOutboxMessage Row)>();
        foreach (var delivery in next)
        {
            OutgoingMessage message = job.Photo is null
                ? new SendText(delivery.ChatId, job.Message, buttons)
                : new SendPhoto(delivery.ChatId, job.Photo, job.Message, buttons);
            // At most once: after a crash mid-call the recipient is skipped rather than messaged twice.
            var row = await outbox.EnqueueAsync(message, new OutboxOptions(
                BotRole.MessageBot, $"{BroadcastSlices.KeyPrefix(job.Id)}{delivery.ChatId}", BroadcastSlices.Kind, OutboxPriority.Bulk, DeliverySemantics.AtMostOnce), cancellationToken);
            queued.Add((delivery, row));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (delivery, row) in queued)
        {
            delivery.Queued(row.Id, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await BroadcastSlices.RecordOutcomesAsync(db, job.Id, cancellationToken);
        return !await db.BroadcastDeliveries.AnyAsync(d => d.BroadcastId == job.Id && (d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Queued), cancellationToken);
    }

    /// <summary>The chats of the audience the message bot can write to (never blocked or unsubscribed users).</summary>
    private IQueryable<long> Audience(BroadcastAudience audience)
    {
        var reachable = db.BotUsers.Where(u => !u.IsBlocked && u.UnsubscribedAt == null);
        return audience switch
        {
            BroadcastAudience.Vip => reachable.Where(u => db.TelegramSubscriptions.Any(s => s.TelegramUserId == u.ChatId && s.Status == SubscriptionStatus.Active)).Select(u => u.ChatId),
            BroadcastAudience.FreeLeads => FreeLeads.Reachable(db).Select(u => u.ChatId),
            _ => reachable.Select(u => u.ChatId),
        };
    }
}

internal static class BroadcastSlices
{
    public const string Kind = "broadcast";

    public static string KeyPrefix(int broadcastId) => $"broadcast:{broadcastId}:";

    /// <summary>Copies what the sender reached onto the deliveries: sent, failed (blocked when the user blocked the bot), skipped when unknown.</summary>
    public static async Task RecordOutcomesAsync(IAppDbContext db, int broadcastId, CancellationToken cancellationToken)
    {
        var queued = db.BroadcastDeliveries.Where(d => d.BroadcastId == broadcastId && d.Status == DeliveryStatus.Queued);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Sent))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Sent), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Unknown))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Skipped), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Failed) && db.BotUsers.Any(u => u.ChatId == d.ChatId && u.IsBlocked))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Blocked), cancellationToken);
        await queued.Where(d => db.TelegramOutbox.Any(o => o.Id == d.OutboxId && o.Status == OutboxStatus.Failed))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Failed), cancellationToken);
    }
}
