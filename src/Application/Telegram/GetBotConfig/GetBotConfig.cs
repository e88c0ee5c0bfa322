using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Telegram;

/// <summary>Every bot setting with its current value (the default when the tenant has not set it).</summary>
public sealed record GetBotConfig : ITenantQuery<IReadOnlyList<BotSettingDto>>;

public sealed record BotSettingDto(string Key, string Description, string Value, bool IsDefault, int MaxLength);

internal sealed class GetBotConfigHandler(IAppDbContext db) : IQueryHandler<GetBotConfig, IReadOnlyList<BotSettingDto>>
{
    public async ValueTask<IReadOnlyList<BotSettingDto>> Handle(GetBotConfig query, CancellationToken cancellationToken) =>
        await BotSettingsView.ReadAsync(db, cancellationToken);
}

internal static class BotSettingsView
{
    public static async Task<IReadOnlyList<BotSettingDto>> ReadAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.BotConfig.AsNoTracking().ToDictionaryAsync(c => c.SettingKey, c => c.SettingValue, cancellationToken);
        return BotSettings.All
            .Select(d => stored.TryGetValue(d.Key, out var value)
                ? new BotSettingDto(d.Key, d.Description, value, false, d.MaxLength)
                : new BotSettingDto(d.Key, d.Description, d.DefaultValue, true, d.MaxLength))
            .ToList();
    }
}
