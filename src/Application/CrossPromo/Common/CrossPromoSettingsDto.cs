namespace PromoStack.Application.CrossPromo;

public sealed record CrossPromoSettingsDto(
    bool Enabled, string BotRole, string? CtaUrl, string? MorningPostTime, string? MorningPostTimeUtc, string Timezone, IReadOnlyList<string> Weekdays,
    int TeaserOffsetMinutes, int WinningSignalsPerDay, int CatchUpMinutes, string? VipChannelId, string? FreeChannelId, DateTimeOffset? UpdatedAt);
