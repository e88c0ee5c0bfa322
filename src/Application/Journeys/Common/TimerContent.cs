using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Journeys;

/// <summary>What a <c>journey_scheduled_messages</c> row is for, and the session position it was set at.</summary>
internal sealed record TimerContent(TimerKind Kind, int At);

internal enum TimerKind
{
    Delay,
    ReplyTimeout,
    Inactivity,
}
