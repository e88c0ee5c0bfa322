using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Signals;

/// <summary>
/// The messages posted for a signal: its VIP post and every outbox message that waits on it, and on those, in turn
/// (<see cref="SignalPosts"/> edits the post and replies to it; cross-promotion copies the post and the TP1 reply into
/// the FREE channel and answers the copy with its call to action). Each step is one indexed query on
/// <c>depends_on_id</c>.
/// </summary>
internal sealed class SignalPostHistory(IAppDbContext db, PersonalData personal)
{
    /// <summary>The deepest chain is post → TP1 reply → its FREE copy → the call to action; a few more levels are room to spare.</summary>
    private const int MaxDepth = 6;

    public async Task<IReadOnlyList<SignalPostDto>> ListAsync(ForexSignal signal, CancellationToken cancellationToken)
    {
        if (signal.TelegramPostOutboxId is not { } post)
        {
            return [];
        }

        var rows = await Rows(m => m.Id == post).ToListAsync(cancellationToken);
        var frontier = rows.Select(r => r.Id).ToList();
        for (var depth = 0; depth < MaxDepth && frontier.Count > 0; depth++)
        {
            var parents = frontier;
            var next = await Rows(m => m.DependsOnId != null && parents.Contains(m.DependsOnId.Value)).ToListAsync(cancellationToken);
            rows.AddRange(next);
            frontier = [.. next.Select(r => r.Id)];
        }

        var channels = await TenantChannels.ConfiguredAsync(db, cancellationToken);
        var prefix = $"signal:{signal.Id.ToString(CultureInfo.InvariantCulture)}:";
        return
        [
            .. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => new SignalPostDto(
                r.Id, Channel(r.ChatId, channels), OutboxView.ChatId(r.ChatId, personal), r.Id == post ? "opened" : Step(r, prefix), r.Status, r.CreatedAt, r.SentAt,
                r.TelegramMessageId, r.DependsOnId, r.LastError, OutboxView.Content(r.ChatId, r.Method, r.Payload, r.DependsOnId, personal))),
        ];
    }

    private IQueryable<Row> Rows(System.Linq.Expressions.Expression<Func<TelegramOutboxMessage, bool>> which) =>
        db.TelegramOutbox.AsNoTracking().Where(which)
            .Select(m => new Row(m.Id, m.ChatId, m.Method, m.Payload, m.Kind, m.DedupeKey, m.Status, m.CreatedAt, m.SentAt, m.TelegramMessageId, m.DependsOnId, m.LastError));

    private static SignalPostChannel Channel(long chatId, ConfiguredChannels? channels)
    {
        var chat = chatId.ToString(CultureInfo.InvariantCulture);
        return chat == channels?.Vip ? SignalPostChannel.Vip : chat == channels?.Free ? SignalPostChannel.Free : SignalPostChannel.Other;
    }

    /// <summary><c>signal:{id}:{step}:edit</c> and <c>…:reply</c> announce a step; another feature's message says which it is.</summary>
    private static string Step(Row row, string prefix) =>
        row.DedupeKey is { } key && key.StartsWith(prefix, StringComparison.Ordinal) ? key[prefix.Length..].Split(':')[0] : row.Kind;

    private sealed record Row(
        long Id, long ChatId, string Method, string Payload, string Kind, string? DedupeKey, OutboxStatus Status, DateTimeOffset CreatedAt,
        DateTimeOffset? SentAt, int? TelegramMessageId, long? DependsOnId, string? LastError);
}
