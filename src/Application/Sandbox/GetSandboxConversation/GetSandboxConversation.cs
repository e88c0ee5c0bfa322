using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Sandbox;

/// <summary>
/// Development only: the signed-in admin's conversation with a sandbox bot, oldest first — what they sent (the inbox)
/// and what the bot queued for them (the outbox, with each call's delivery status), at most the last
/// <see cref="Limit"/> messages. With <see cref="After"/> (a previous answer's <c>next</c>), only what appeared or
/// changed since, with a few seconds of overlap and every bot message still waiting to be sent: the app replaces
/// messages by id.
/// </summary>
public sealed record GetSandboxConversation(BotRole Role, DateTimeOffset? After) : ITenantQuery<SandboxConversationDto>
{
    public const int Limit = 200;

    /// <summary>How far before <see cref="After"/> messages are read again, for a change committed just after the last read.</summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);
}

/// <param name="UserId">The Telegram user id the admin plays (the chat's id).</param>
/// <param name="Next">Pass as <c>after</c> to get what appears or changes from now on.</param>
public sealed record SandboxConversationDto(BotRole Role, string? BotUsername, long UserId, IReadOnlyList<SandboxMessageDto> Items, DateTimeOffset Next);

internal sealed class GetSandboxConversationHandler(IAppEnvironment environment, IAppDbContext db, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<GetSandboxConversation, SandboxConversationDto>
{
    public async ValueTask<SandboxConversationDto> Handle(GetSandboxConversation query, CancellationToken cancellationToken)
    {
        var chat = await SandboxChat.OpenAsync(query.Role, environment, db, user, cancellationToken);
        var next = clock.GetUtcNow();
        var since = query.After - GetSandboxConversation.Overlap;

        var sent = await db.TelegramUpdates.AsNoTracking()
            .Where(u => u.BotTelegramId == chat.BotTelegramId && u.ChatId == chat.UserId && (since == null || u.ReceivedAt > since))
            .OrderByDescending(u => u.UpdateId).Take(GetSandboxConversation.Limit)
            .Select(u => new { u.UpdateId, u.Payload, u.Status, u.LastError, u.ReceivedAt })
            .ToListAsync(cancellationToken);

        // A press's answer goes to no chat (Telegram shows it as a toast): it is found by the press's id.
        var answers = $"answer:{chat.CallbackQueryPrefix}";
        var calls = await db.TelegramOutbox.AsNoTracking()
            .Where(m => m.BotTelegramId == chat.BotTelegramId && (m.ChatId == chat.UserId || (m.ChatId == 0 && m.DedupeKey!.StartsWith(answers))))
            .Where(m => since == null || m.CreatedAt > since || m.SentAt > since || m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(GetSandboxConversation.Limit)
            .Select(m => new BotCall(m.Id, m.Method, m.Payload, m.Kind, m.Status, m.LastError, m.DependsOnId, m.CreatedAt, m.SentAt))
            .ToListAsync(cancellationToken);
        var parents = calls.Select(c => c.DependsOnId).OfType<long>().Distinct().ToList();
        var results = parents.Count == 0
            ? []
            : await db.TelegramOutbox.AsNoTracking().Where(m => parents.Contains(m.Id) && m.ResultText != null)
                .ToDictionaryAsync(m => m.Id, m => m.ResultText, cancellationToken);

        var items = sent
            .Select(u =>
            {
                var (text, data) = SandboxMessages.ReadUpdate(u.Payload);
                return SandboxMessages.FromUser(u.UpdateId, text, data, u.ReceivedAt, u.Status, u.LastError);
            })
            .Concat(calls
                .Select(c => SandboxMessages.FromBot(chat.Role, c, c.DependsOnId is { } parent ? results.GetValueOrDefault(parent) : null))
                .Where(m => m.Type != "notice" || m.Text is not null))
            .OrderBy(m => m.At).ThenBy(m => m.From == "user" ? 0 : 1).ThenBy(m => m.Id.Length).ThenBy(m => m.Id, StringComparer.Ordinal)
            .TakeLast(GetSandboxConversation.Limit)
            .ToList();
        return new SandboxConversationDto(chat.Role, chat.BotUsername, chat.UserId, items, next);
    }
}
