using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Creates a template: every size needs its image. The slug, when not given, is derived from the name; a slug another
/// template has is a 409. Not wrapped in a transaction: the images go to the image store (possibly a bucket) first,
/// then the template is saved in one statement.
/// </summary>
public sealed record CreateCouponTemplate(
    string Name, string? Slug, bool TelegramEnabled, bool WebEnabled, IReadOnlyList<CouponSizeInput> Sizes,
    byte[]? Square, byte[]? Story, byte[]? Feed, byte[]? Logo)
    : ITenantCommand<CouponTemplateDto>, ICouponTemplateFields, ICallsOutsideServices;

internal sealed class CreateCouponTemplateValidator : CouponTemplateFieldsValidator<CreateCouponTemplate>;

internal sealed class CreateCouponTemplateHandler(CouponTemplateWriter writer, ITenantContext tenant)
    : ICommandHandler<CreateCouponTemplate, CouponTemplateDto>
{
    public async ValueTask<CouponTemplateDto> Handle(CreateCouponTemplate command, CancellationToken cancellationToken) =>
        CouponTemplateDto.From(tenant.RequiredTenantId, await writer.CreateAsync(command, cancellationToken));
}
