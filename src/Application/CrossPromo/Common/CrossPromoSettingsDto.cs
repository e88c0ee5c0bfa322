using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

public sealed record CrossPromoSettingsDto(
    bool Enabled, string BotRole, string? CtaUrl, string? MorningPostTime, string? MorningPostTimeUtc, string Timezone, IReadOnlyList<string> Weekdays,
    int TeaserOffsetMinutes, int WinningSignalsPerDay, int CatchUpMinutes, string? VipChannelId, string? FreeChannelId, DateTimeOffset? UpdatedAt);
