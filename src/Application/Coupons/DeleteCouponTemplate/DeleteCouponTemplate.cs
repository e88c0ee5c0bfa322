using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Deletes a template; the bot and the web generator stop offering it at once. Its images stay in the store: a key
/// names its content, so another template may use the same image, and an unused one is a harmless orphan.
/// </summary>
public sealed record DeleteCouponTemplate(int Id) : ITenantCommand<Unit>;

internal sealed class DeleteCouponTemplateHandler(IAppDbContext db) : ICommandHandler<DeleteCouponTemplate, Unit>
{
    public async ValueTask<Unit> Handle(DeleteCouponTemplate command, CancellationToken cancellationToken)
    {
        var template = await db.CouponTemplates.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
                       ?? throw new NotFoundException("Coupon template", command.Id);
        db.CouponTemplates.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
