using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Telegram;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The public web generator: the code is checked first (exactly as the bot checks it), then drawn on the template's
/// size. Every attempt is recorded with the visitor's device and a pseudonym of the visitor (never the address), so
/// the outcome is a result rather than an exception: a failed attempt must be recorded, not rolled back.
/// </summary>
/// <param name="Visitor">The visitor's address and User-Agent, pseudonymised before it is stored.</param>
public sealed record MakeWebImage(string Code, string Template, string Size, string Visitor, DeviceType Device)
    : ITenantCommand<WebImageResult>, ICallsOutsideServices;

internal sealed class MakeWebImageValidator : AbstractValidator<MakeWebImage>
{
    public MakeWebImageValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(CouponCodePattern.MaxCodeLength);
        RuleFor(c => c.Template).NotEmpty().MaximumLength(CouponTemplateSlug.MaxLength);
        RuleFor(c => c.Size).Must(s => CouponSizes.Parse(s) is not null).WithMessage("The size is square, story or feed.");
    }
}

/// <summary>The image, or why there is none.</summary>
public sealed record WebImageResult(WebImageOutcome Outcome, byte[]? Png = null, string? FileName = null);

/// <summary>How a web generator request ended.</summary>
public enum WebImageOutcome
{
    Made,
    NotACode,
    InvalidCode,
    PartnerUnavailable,
    TemplateNotFound,
    RenderFailed,
}

internal sealed class MakeWebImageHandler(
    IAppDbContext db, ITenantContext tenant, CouponCodeChecks checks, ICouponRenderer renderer, ICouponImageStore store, IPseudonyms pseudonyms,
    TimeProvider clock) : ICommandHandler<MakeWebImage, WebImageResult>
{
    /// <summary>No transaction is held over the partner's answer; the attempt (and a cached answer) is saved once at the end.</summary>
    public async ValueTask<WebImageResult> Handle(MakeWebImage command, CancellationToken cancellationToken)
    {
        // A public route names its tenant: an unknown one is a 404 (its attempts have no tenant to be recorded under).
        if (!await db.Tenants.AnyAsync(t => t.Id == tenant.RequiredTenantId, cancellationToken))
        {
            throw new NotFoundException("Tenant", tenant.RequiredTenantId);
        }

        var result = await MakeAsync(command, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task<WebImageResult> MakeAsync(MakeWebImage command, CancellationToken cancellationToken)
    {
        var size = CouponSizes.Parse(command.Size)!.Value;
        var visitor = pseudonyms.Of("coupons.web-visitor", $"{tenant.RequiredTenantId}\n{command.Visitor}");
        var settings = await db.CouponSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var pattern = settings?.Pattern() ?? CouponCodePattern.DefaultPattern;
        var template = await db.CouponTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == command.Template && t.WebEnabled, cancellationToken);
        var variant = template?.Variant(size);
        WebImageResult Failed(WebImageOutcome outcome, string code, CouponErrorType error, bool partnerCalled = false)
        {
            Record(visitor, command.Device, new CouponAttempt(code, template?.Slug, size, error, partnerCalled));
            return new WebImageResult(outcome);
        }

        if (!pattern.TryMatch(command.Code, out var code))
        {
            return Failed(WebImageOutcome.NotACode, code, CouponErrorType.NotACode);
        }

        if (template is null || variant is null)
        {
            return Failed(WebImageOutcome.TemplateNotFound, code, CouponErrorType.TemplateNotFound);
        }

        if (settings is null)
        {
            return Failed(WebImageOutcome.PartnerUnavailable, code, CouponErrorType.PartnerUnavailable);
        }

        var verdict = await checks.CheckAsync(settings, code, cancellationToken);
        if (verdict.Error is { } error)
        {
            return Failed(error == CouponErrorType.InvalidCode ? WebImageOutcome.InvalidCode : WebImageOutcome.PartnerUnavailable, code, error, verdict.PartnerCalled);
        }

        try
        {
            var png = await renderer.RenderPngAsync(CouponRenders.Request(tenant.RequiredTenantId, template, variant, code, store), cancellationToken);
            Record(visitor, command.Device, new CouponAttempt(code, template.Slug, size, null, verdict.PartnerCalled));
            return new WebImageResult(WebImageOutcome.Made, png, CouponRenders.FileName(template, size, code));
        }
        catch (CouponRenderException)
        {
            return Failed(WebImageOutcome.RenderFailed, code, CouponErrorType.RenderFailed, verdict.PartnerCalled);
        }
    }

    private void Record(string visitor, DeviceType device, CouponAttempt attempt) =>
        db.BotUsage.Add(BotUsage.OnWeb(tenant.RequiredTenantId, visitor, device, attempt, clock.GetUtcNow()));
}
