using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Sandbox;

/// <summary>
/// The private chat between the signed-in admin and one of the tenant's sandbox bots, in Development only: the admin
/// plays a Telegram user of their own, whose id is derived from their user id (the same every time, another for each
/// admin, in a block no real Telegram user has yet: from <see cref="FirstUserId"/>).
/// </summary>
public sealed record SandboxChat(BotRole Role, long BotTelegramId, string? BotUsername, long UserId, string FirstName)
{
    public const long FirstUserId = 5_000_000_000_000;

    /// <summary>The chat with the role's bot; 404 outside Development, or when the role's bot is not a sandbox bot.</summary>
    public static async Task<SandboxChat> OpenAsync(
        BotRole role, IAppEnvironment environment, IAppDbContext db, ICurrentUser user, CancellationToken cancellationToken)
    {
        var roleName = BotRoleNames.Of(role);
        if (!environment.IsDevelopment)
        {
            throw new NotFoundException("Sandbox chat", roleName);
        }

        var bot = await db.BotConnections.AsNoTracking().Where(c => c.BotRole == role && c.IsSandbox)
                      .Select(c => new { c.BotTelegramId, c.BotUsername })
                      .SingleOrDefaultAsync(cancellationToken)
                  ?? throw new NotFoundException("Sandbox bot", roleName);
        var userId = user.UserId ?? throw new ForbiddenException("The sandbox chat is a signed-in user's.");
        var name = user.Email?.Split('@')[0] is { Length: > 0 } local ? local : "Sandbox";
        return new SandboxChat(role, bot.BotTelegramId, bot.BotUsername, UserIdOf(userId), name);
    }

    /// <summary>The Telegram user id the admin <paramref name="userId"/> plays: stable across processes and restarts.</summary>
    public static long UserIdOf(string userId) =>
        FirstUserId + BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(userId)));

    /// <summary>The id of a button press from this chat: its answer's dedupe key (<c>answer:&lt;id&gt;</c>) finds the answer again.</summary>
    public string CallbackQueryId(long updateId) => $"{CallbackQueryPrefix}{updateId}";

    public string CallbackQueryPrefix => $"sandbox-{UserId}-";
}
