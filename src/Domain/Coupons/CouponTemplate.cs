using PromoStack.Domain.Common;

namespace PromoStack.Domain.Coupons;

/// <summary>
/// A promo image template: a name, a slug, where it is offered (the Telegram bot, the web generator) and one to three
/// sizes. Every change is one save of the whole definition and bumps <see cref="Version"/>; a change made against an
/// older version is refused, so no edit can overwrite a newer one with a stale copy.
/// </summary>
public sealed class CouponTemplate : ITenantOwned
{
    public const int NameMaxLength = 100;

    private List<CouponTemplateVariant> _variants = [];

    private CouponTemplate(string tenantId, string name, string slug, DateTimeOffset createdAt)
    {
        TenantId = tenantId;
        Name = name;
        Slug = slug;
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
    }

    public int Id { get; private set; }
    public string TenantId { get; private set; }
    public string Name { get; private set; }
    public string Slug { get; private set; }
    public bool TelegramEnabled { get; private set; }
    public bool WebEnabled { get; private set; }

    /// <summary>1 when created, one more at every change; part of the rendered images' cache keys.</summary>
    public int Version { get; private set; }

    /// <summary>The logo drawn on sizes that show one (a circle at the top left), if the template has one.</summary>
    public StoredImage? Logo { get; private set; }

    public IReadOnlyList<CouponTemplateVariant> Variants
    {
        get => _variants;
        private set => _variants = [.. value];
    }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static CouponTemplate Create(string tenantId, CouponTemplateDefinition definition, DateTimeOffset now)
    {
        var template = new CouponTemplate(tenantId, string.Empty, string.Empty, now);
        template.Apply(definition, now);
        return template;
    }

    /// <summary>Replaces the whole definition, if <paramref name="expectedVersion"/> is the current one.</summary>
    public void Change(int expectedVersion, CouponTemplateDefinition definition, DateTimeOffset now)
    {
        if (expectedVersion != Version)
        {
            throw new StaleTemplateException(Version);
        }

        Apply(definition, now);
    }

    public CouponTemplateVariant? Variant(CouponSize size) => _variants.FirstOrDefault(v => v.Size == size);

    /// <summary>The size shown when one is not chosen: square, else story, else feed.</summary>
    public CouponTemplateVariant PreviewVariant => CouponSizes.All.Select(Variant).First(v => v is not null)!;

    private void Apply(CouponTemplateDefinition definition, DateTimeOffset now)
    {
        var name = Guard.NotBlank(definition.Name, "Name", NameMaxLength);
        if (CouponTemplateSlug.Problem(definition.Slug) is { } problem)
        {
            throw new DomainException(problem);
        }

        if (definition.Variants.Count == 0)
        {
            throw new DomainException("A template has at least one size.");
        }

        if (definition.Variants.GroupBy(v => v.Size).Any(g => g.Count() > 1))
        {
            throw new DomainException("A template has each size at most once.");
        }

        if (definition.Variants.FirstOrDefault(v => !CouponSizes.Fits(v.Size, v.Image.Width, v.Image.Height)) is { } wrong)
        {
            var (width, height) = CouponSizes.Reference(wrong.Size);
            throw new DomainException(
                $"The {CouponSizes.Name(wrong.Size)} image is {wrong.Image.Width}×{wrong.Image.Height}; a {CouponSizes.Name(wrong.Size)} image is {width}×{height} (or the same shape).");
        }

        if (definition.Logo is null && definition.Variants.Any(v => v.Style.ShowLogo))
        {
            throw new DomainException("A size shows the logo but the template has no logo image.");
        }

        Name = name;
        Slug = definition.Slug;
        TelegramEnabled = definition.TelegramEnabled;
        WebEnabled = definition.WebEnabled;
        Logo = definition.Logo;
        _variants = [.. definition.Variants.OrderBy(v => v.Size)];
        Version++;
        UpdatedAt = now;
    }
}

/// <summary>Everything an admin sets on a template, saved at once.</summary>
public sealed record CouponTemplateDefinition(
    string Name, string Slug, bool TelegramEnabled, bool WebEnabled, IReadOnlyList<CouponTemplateVariant> Variants, StoredImage? Logo);

/// <summary>Where affiliates get images: the coupon bot, or the public web generator.</summary>
public enum CouponChannel
{
    Telegram,
    Web,
}

/// <summary>The template changed since the admin loaded it (the API answers 409 with the current version).</summary>
public sealed class StaleTemplateException(int currentVersion)
    : DomainException($"The template was changed meanwhile (it is at version {currentVersion}); reload it and save again.")
{
    public int CurrentVersion { get; } = currentVersion;
}
