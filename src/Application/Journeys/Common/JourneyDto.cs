using System.Text.Json;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

public sealed record JourneyDto(
    Guid Id, string Name, string? Description, bool IsActive, ReentryPolicy ReentryPolicy, int? InactivityTimeoutMinutes,
    IReadOnlyList<JourneyStepDto> Steps, IReadOnlyList<JourneyTriggerDto> Triggers, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JourneyStepDto(Guid Id, int Order, string Type, JsonElement Config);

public sealed record JourneyTriggerDto(Guid Id, string Type, JsonElement Config);
