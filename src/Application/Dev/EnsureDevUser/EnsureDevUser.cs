using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Tenants;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only: makes sure a tenant and a local dev user with the given role exist, for a dev token. The
/// token then goes through the same sign-in path as a Clerk token; the role still comes from the database.
/// </summary>
public sealed record EnsureDevUser(string TenantId, TenantRole Role) : ICommand<DevUser>, ITenantAgnostic;

public sealed record DevUser(string UserId, string Email);

internal sealed class EnsureDevUserValidator : AbstractValidator<EnsureDevUser>
{
    public EnsureDevUserValidator()
    {
        RuleFor(c => c.TenantId).TenantSlug();
        RuleFor(c => c.Role).IsInEnum();
    }
}

internal sealed class EnsureDevUserHandler(IWorkspaceUnitOfWork workspace, TimeProvider clock)
    : ICommandHandler<EnsureDevUser, DevUser>
{
    public async ValueTask<DevUser> Handle(EnsureDevUser command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var role = command.Role.ToString().ToLowerInvariant();
        // Development users are "dev_…": the API accepts a development token for no other user.
        var userId = $"dev_{command.TenantId}_{role}";
        var email = $"{role}@{command.TenantId}.dev.promostack.local";

        await workspace.RunAsync(command.TenantId, async (db, ct) =>
        {
            if (!await db.Tenants.AnyAsync(t => t.Id == command.TenantId, ct))
            {
                db.Tenants.Add(Tenant.Create(command.TenantId, command.TenantId == "demo" ? "Demo" : command.TenantId, TimeZones.Utc, now));
            }

            if (!await db.TenantUsers.AnyAsync(u => u.ClerkUserId == userId, ct))
            {
                db.TenantUsers.Add(TenantUser.Join(command.TenantId, userId, email, command.Role, now));
            }

            // Sandbox bots, so every feature can be tried locally without a real bot (sends are recorded, never sent).
            if (!await db.BotConnections.AnyAsync(ct))
            {
                db.BotConnections.Add(TenantBotConnection.ConnectSandbox(command.TenantId, BotRole.SignalBot, new BotChannels("-1000000000001", "-1000000000002"), now));
                db.BotConnections.Add(TenantBotConnection.ConnectSandbox(command.TenantId, BotRole.MessageBot, BotChannels.None, now));
            }

            // The demo tenant trades the replayed candles around the clock, so signals open and close within minutes.
            if (command.TenantId == "demo" && !await db.ForexConfig.AnyAsync(ct))
            {
                foreach (var (key, value) in DemoForexSettings)
                {
                    db.ForexConfig.Add(ForexConfig.Create(command.TenantId, key, value));
                }
            }

            return await db.SaveChangesAsync(ct);
        }, cancellationToken);

        return new DevUser(userId, email);
    }

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
}
