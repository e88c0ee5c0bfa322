using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections;

public static class TenantChannels
{
    /// <summary>Both channel ids of the signal bot connection; null when it is not connected.</summary>
    public static Task<ConfiguredChannels?> ConfiguredAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        db.BotConnections.AsNoTracking().Where(c => c.BotRole == BotRole.SignalBot)
            .Select(c => new ConfiguredChannels(c.ChannelId, c.FreeChannelId)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The VIP channel's chat id, when the signal bot is connected with one.</summary>
    public static async Task<long?> VipChatIdAsync(IAppDbContext db, CancellationToken cancellationToken)
    {
        var channel = await db.BotConnections.AsNoTracking().Where(c => c.BotRole == BotRole.SignalBot).Select(c => c.ChannelId)
            .SingleOrDefaultAsync(cancellationToken);
        return long.TryParse(channel, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// <summary>The tenant's channels as the features address them (the signal bot's connection is their one source).</summary>
/// <summary>The channel ids the signal bot connection names (as configured: numeric ids).</summary>
public sealed record ConfiguredChannels(string? Vip, string? Free);
