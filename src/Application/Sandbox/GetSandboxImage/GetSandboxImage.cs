using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Sandbox;

/// <summary>
/// Development only: an image a sandbox bot sent the signed-in admin (a coupon image or preview the app keeps for a
/// day), so the sandbox chat can show it; another chat's image, or one already removed, is 404.
/// </summary>
public sealed record GetSandboxImage(BotRole Role, long Id) : ITenantQuery<SandboxImageFile>;

public sealed record SandboxImageFile(byte[] Content, string ContentType);

internal sealed class GetSandboxImageHandler(IAppEnvironment environment, IAppDbContext db, ICurrentUser user)
    : IQueryHandler<GetSandboxImage, SandboxImageFile>
{
    public async ValueTask<SandboxImageFile> Handle(GetSandboxImage query, CancellationToken cancellationToken)
    {
        var chat = await SandboxChat.OpenAsync(query.Role, environment, db, user, cancellationToken);
        return await db.CouponRenders.AsNoTracking().Where(r => r.Id == query.Id && r.ChatId == chat.UserId)
                   .Select(r => new SandboxImageFile(r.Content, r.ContentType))
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException("Sandbox image", query.Id);
    }
}
