using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// A size of a template drawn with a code, as PNG, by the renderer the bot and the web generator use
/// (<see cref="CouponRenders"/>): <see cref="SampleCode"/> unless a code is given, which must then be a code by the
/// tenant's pattern (normalised as the bot would).
/// </summary>
public sealed record PreviewCouponTemplate(int Id, CouponSize? Size, string? Code) : ITenantQuery<byte[]>
{
    public const string SampleCode = "SAMPLE20";
}

internal sealed class PreviewCouponTemplateValidator : AbstractValidator<PreviewCouponTemplate>
{
    public PreviewCouponTemplateValidator()
    {
        RuleFor(p => p.Size).NotNull().WithMessage("A size is square, story or feed.");
        RuleFor(p => p.Code).MaximumLength(CouponCodePattern.MaxCodeLength);
    }
}

internal sealed class PreviewCouponTemplateHandler(IAppDbContext db, ICouponRenderer renderer, ICouponImageStore store, ITenantContext tenant)
    : IQueryHandler<PreviewCouponTemplate, byte[]>
{
    public async ValueTask<byte[]> Handle(PreviewCouponTemplate query, CancellationToken cancellationToken)
    {
        var template = await db.CouponTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.Id, cancellationToken)
                       ?? throw new NotFoundException("Coupon template", query.Id);
        var variant = template.Variant(query.Size!.Value)
                      ?? throw new ValidationException([new ValidationFailure(nameof(query.Size), $"The template has no {CouponSizes.Name(query.Size.Value)} size.")]);
        var code = string.IsNullOrWhiteSpace(query.Code) ? PreviewCouponTemplate.SampleCode : await CodeAsync(query.Code, cancellationToken);
        return await renderer.RenderPngAsync(CouponRenders.Request(tenant.RequiredTenantId, template, variant, code, store), cancellationToken);
    }

    private async Task<string> CodeAsync(string text, CancellationToken cancellationToken)
    {
        var pattern = await db.CouponSettings.AsNoTracking().Select(s => s.CodePattern).SingleOrDefaultAsync(cancellationToken) ?? CouponCodePattern.Default;
        return CouponCodePattern.Parse(pattern).TryMatch(text, out var code)
            ? code
            : throw new ValidationException([new ValidationFailure(nameof(PreviewCouponTemplate.Code), $"'{text.Trim()}' is not a code: codes match {pattern}.")]);
    }
}
