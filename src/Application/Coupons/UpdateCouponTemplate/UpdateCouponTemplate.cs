using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Replaces a template's whole definition, if it is still at <see cref="ExpectedVersion"/> (else 409 with the current
/// version): a size sent without a file keeps its image, a size left out is removed, the logo is kept unless a new one
/// comes or <see cref="RemoveLogo"/> is set. Images are stored first, then the template saved in one statement.
/// </summary>
public sealed record UpdateCouponTemplate(
    int Id, int ExpectedVersion, string Name, string? Slug, bool TelegramEnabled, bool WebEnabled, IReadOnlyList<CouponSizeInput> Sizes,
    byte[]? Square, byte[]? Story, byte[]? Feed, byte[]? Logo, bool RemoveLogo)
    : ITenantCommand<CouponTemplateDto>, ICouponTemplateFields, ICallsOutsideServices;

internal sealed class UpdateCouponTemplateValidator : CouponTemplateFieldsValidator<UpdateCouponTemplate>
{
    public UpdateCouponTemplateValidator()
    {
        RuleFor(c => c.ExpectedVersion).GreaterThan(0).WithMessage("Send the version the template had when it was loaded.");
        RuleFor(c => c.RemoveLogo).Equal(false).When(c => c.Logo is not null).WithMessage("Either upload a new logo or remove it, not both.");
    }
}

internal sealed class UpdateCouponTemplateHandler(IAppDbContext db, CouponTemplateWriter writer, ITenantContext tenant)
    : ICommandHandler<UpdateCouponTemplate, CouponTemplateDto>
{
    public async ValueTask<CouponTemplateDto> Handle(UpdateCouponTemplate command, CancellationToken cancellationToken)
    {
        var template = await db.CouponTemplates.SingleOrDefaultAsync(t => t.Id == command.Id, cancellationToken)
                       ?? throw new NotFoundException("Coupon template", command.Id);
        await writer.ChangeAsync(template, command.ExpectedVersion, command, command.RemoveLogo, cancellationToken);
        return CouponTemplateDto.From(tenant.RequiredTenantId, template);
    }
}
