namespace PromoStack.Application.Journeys;

/// <summary>What a <c>journey_scheduled_messages</c> row is for, and the session position it was set at.</summary>
internal sealed record TimerContent(TimerKind Kind, int At);

internal enum TimerKind
{
    Delay,
    ReplyTimeout,
    Inactivity,
}
