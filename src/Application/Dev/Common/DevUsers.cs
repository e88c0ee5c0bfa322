using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only: makes sure a tenant and its local dev user with a role exist, for a dev token (the
/// <c>dev-token</c> verb and <c>POST /api/dev/sign-in</c> share it). Each part is added only when missing; a dev user
/// whose role was changed since gets the one asked for back.
/// </summary>
internal static class DevUsers
{
    private static readonly Dictionary<string, string> DemoForexSettings = new()
    {
        ["enabled"] = "true",
        ["trading_days"] = "mon,tue,wed,thu,fri,sat,sun",
        ["trading_start_hour"] = "0",
        ["trading_end_hour"] = "24",
        ["cooldown_minutes"] = "0",
        ["pause_after_loss_minutes"] = "0",
        ["max_signals_per_day"] = "100",
    };

    public static async Task<DevUser> EnsureAsync(
        IWorkspaceUnitOfWork workspace, string tenantId, TenantRole role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var roleName = role.ToString().ToLowerInvariant();
        // Development users are "dev_…": the API accepts a development token for no other user.
        var userId = $"dev_{tenantId}_{roleName}";
        var email = $"{roleName}@{tenantId}.dev.promostack.local";

        await workspace.RunAsync(tenantId, async (db, ct) =>
        {
            if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, ct))
            {
                db.Tenants.Add(Tenant.Create(tenantId, tenantId == "demo" ? "Demo" : tenantId, TimeZones.Utc, now));
            }

            if (await db.TenantUsers.SingleOrDefaultAsync(u => u.ClerkUserId == userId, ct) is not { } user)
            {
                db.TenantUsers.Add(TenantUser.Join(tenantId, userId, email, role, now));
            }
            else if (user.Role != role)
            {
                user.ChangeRole(role, await db.TenantUsers.CountAsync(u => u.Role == TenantRole.Admin && u.ClerkUserId != null, ct));
            }

            // Sandbox bots, so every feature can be tried locally without a real bot (sends are recorded, never sent).
            if (!await db.BotConnections.AnyAsync(ct))
            {
                db.BotConnections.Add(TenantBotConnection.ConnectSandbox(tenantId, BotRole.SignalBot, new BotChannels("-1000000000001", "-1000000000002"), now));
                db.BotConnections.Add(TenantBotConnection.ConnectSandbox(tenantId, BotRole.MessageBot, BotChannels.None, now));
            }

            // The demo tenant trades the replayed candles around the clock, so signals open and close within minutes.
            if (tenantId == "demo" && !await db.ForexConfig.AnyAsync(ct))
            {
                foreach (var (key, value) in DemoForexSettings)
                {
                    db.ForexConfig.Add(ForexConfig.Create(tenantId, key, value));
                }
            }

            return await db.SaveChangesAsync(ct);
        }, cancellationToken);

        return new DevUser(userId, email);
    }
}
