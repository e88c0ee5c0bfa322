using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>Removes renders older than a day and code checks that expired (both are only ever read fresh).</summary>
public sealed record PurgeCouponRenders : ITenantCommand<int>;

internal sealed class PurgeCouponRendersHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<PurgeCouponRenders, int>
{
    public async ValueTask<int> Handle(PurgeCouponRenders command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var before = now - CouponRender.KeptFor;
        var renders = await db.CouponRenders.Where(r => r.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
        var checks = await db.CouponCodeChecks.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        return renders + checks;
    }
}
