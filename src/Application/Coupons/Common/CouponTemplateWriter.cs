using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Creating and changing a template, which both come down to one save of its whole definition: the slug checked free,
/// every upload decoded and re-encoded (a rejected file, a size of the wrong shape, a new size without its image are
/// field errors, all reported at once), the new images stored under keys named after their content, and only then the
/// definition saved in one statement. Nothing is half-saved: a failure before the save leaves the template as it was,
/// and the images already stored are harmless orphans (a key names its content, so a later upload of the same image
/// reuses it and no other template can be changed by it).
/// </summary>
internal sealed class CouponTemplateWriter(IAppDbContext db, ICouponImageCodec codec, ICouponImageStore store, ITenantContext tenant, TimeProvider clock)
{
    public async Task<CouponTemplate> CreateAsync(ICouponTemplateFields fields, CancellationToken cancellationToken)
    {
        var definition = await DefinitionAsync(fields, current: null, removeLogo: false, cancellationToken);
        var template = CouponTemplate.Create(tenant.RequiredTenantId, definition, clock.GetUtcNow());
        db.CouponTemplates.Add(template);
        await SaveAsync(template, expectedVersion: null, cancellationToken);
        return template;
    }

    /// <summary>Replaces <paramref name="template"/>'s definition if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task ChangeAsync(CouponTemplate template, int expectedVersion, ICouponTemplateFields fields, bool removeLogo, CancellationToken cancellationToken)
    {
        if (template.Version != expectedVersion)
        {
            throw new StaleTemplateException(template.Version);
        }

        var definition = await DefinitionAsync(fields, template, removeLogo, cancellationToken);
        template.Change(expectedVersion, definition, clock.GetUtcNow());
        await SaveAsync(template, expectedVersion, cancellationToken);
    }

    private async Task<CouponTemplateDefinition> DefinitionAsync(
        ICouponTemplateFields fields, CouponTemplate? current, bool removeLogo, CancellationToken cancellationToken)
    {
        var slug = fields.Slug ?? CouponTemplateSlug.Derive(fields.Name);
        if (CouponTemplateSlug.Problem(slug) is not null)
        {
            throw new ValidationException([new ValidationFailure(nameof(fields.Slug), "No slug can be made from this name: give one (lower-case letters, digits and hyphens).")]);
        }

        await EnsureSlugIsFreeAsync(slug, current?.Id, cancellationToken);

        var failures = new List<ValidationFailure>();
        var uploads = new Dictionary<string, NormalisedImage>(StringComparer.Ordinal);
        foreach (var (name, content) in fields.Uploads())
        {
            try
            {
                uploads[name] = codec.Normalise(content);
            }
            catch (ImageRejectedException rejected)
            {
                failures.Add(new ValidationFailure(name, $"The file '{name}' is not an image this API takes: {rejected.Message}."));
            }
        }

        var variants = new List<CouponTemplateVariant>();
        for (var i = 0; i < fields.Sizes.Count; i++)
        {
            if (Variant(fields.Sizes[i], $"{nameof(fields.Sizes)}[{i}]", uploads, current, fields, failures) is { } variant)
            {
                variants.Add(variant);
            }
        }

        var logo = uploads.TryGetValue(CouponImages.LogoName, out var newLogo) ? Stored(newLogo) : removeLogo ? null : current?.Logo;
        if (logo is null && fields.Logo is null && fields.Sizes.Any(s => s.ShowLogo))
        {
            failures.Add(new ValidationFailure(nameof(fields.Logo), "A size shows the logo but the template has none: upload it as the file 'logo', or turn showLogo off."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        // Stored before the template refers to them; the same content is the same key, so storing it again is harmless.
        foreach (var image in uploads.Values.DistinctBy(i => i.Sha256))
        {
            await store.PutAsync(CouponImages.Key(image.Sha256), image.Png, "image/png", cancellationToken);
        }

        return new CouponTemplateDefinition(fields.Name.Trim(), slug, fields.TelegramEnabled, fields.WebEnabled, variants, logo);
    }

    private static CouponTemplateVariant? Variant(
        CouponSizeInput input, string field, Dictionary<string, NormalisedImage> uploads, CouponTemplate? current, ICouponTemplateFields fields,
        List<ValidationFailure> failures)
    {
        var size = input.Size!.Value;
        var name = CouponSizes.Name(size);
        var image = uploads.TryGetValue(name, out var upload) ? Stored(upload) : fields.Upload(size) is null ? current?.Variant(size)?.Image : null;
        if (image is null)
        {
            if (fields.Upload(size) is null)
            {
                failures.Add(new ValidationFailure($"{field}.Image", $"The {name} size is new: upload its image as the file '{name}'."));
            }

            return null;
        }

        if (!CouponSizes.Fits(size, image.Width, image.Height))
        {
            var (width, height) = CouponSizes.Reference(size);
            failures.Add(new ValidationFailure(
                $"{field}.Image",
                $"The {name} image is {image.Width}×{image.Height}: a {name} image is {width}×{height}, or the same shape at another resolution."));
            return null;
        }

        try
        {
            var box = input.Box!;
            var outline = input.Outline is { } o ? new TextOutline(o.Color!, o.WidthPx!.Value) : null;
            var style = new CouponTextStyle(
                new TextBox(box.LeftPct!.Value, box.TopPct!.Value, box.WidthPct!.Value, box.HeightPct!.Value, box.HAlign ?? HorizontalAlign.Center, box.VAlign ?? VerticalAlign.Middle),
                input.MaxFontPx!.Value, input.Color!, outline, input.ShowLogo);
            return new CouponTemplateVariant(size, image, style);
        }
        catch (DomainException broken)
        {
            failures.Add(new ValidationFailure(field, broken.Message));
            return null;
        }
    }

    private static StoredImage Stored(NormalisedImage image) => new(CouponImages.Key(image.Sha256), image.Width, image.Height, image.Sha256);

    private async Task EnsureSlugIsFreeAsync(string slug, int? templateId, CancellationToken cancellationToken)
    {
        if (await db.CouponTemplates.AnyAsync(t => t.Slug == slug && t.Id != templateId, cancellationToken))
        {
            throw SlugTaken(slug);
        }
    }

    /// <summary>
    /// One save. Its only ways to collide are another request's change of the same template (the version is a
    /// concurrency token) and another template taking the slug since it was checked (the unique index); both end in a
    /// 409 that says which.
    /// </summary>
    private async Task SaveAsync(CouponTemplate template, int? expectedVersion, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConflictException)
        {
            if (expectedVersion is { } expected)
            {
                var version = await db.CouponTemplates.AsNoTracking().Where(t => t.Id == template.Id).Select(t => (int?)t.Version)
                    .SingleOrDefaultAsync(CancellationToken.None) ?? throw new NotFoundException("Coupon template", template.Id);
                if (version != expected)
                {
                    throw new StaleTemplateException(version);
                }
            }

            throw SlugTaken(template.Slug);
        }
    }

    private static ConflictException SlugTaken(string slug) =>
        new($"Another template already has the slug '{slug}': choose another slug (or name).");
}
