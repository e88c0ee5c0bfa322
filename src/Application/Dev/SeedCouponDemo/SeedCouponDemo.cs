using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only (sent by the <c>dev-token</c> verb, which runs in Development only, like <see cref="EnsureDevUser"/>): the demo tenant's coupon bot, so a newcomer can try it offline — a sandbox coupon bot, settings
/// that accept any code matching the pattern (no partner), and two sample templates drawn by the project itself.
/// Each part is added only when missing, so running it again changes nothing.
/// </summary>
public sealed record SeedCouponDemo : ITenantCommand<Unit>;

internal sealed class SeedCouponDemoHandler(
    IAppDbContext db, ITenantContext tenant, ICouponSampleArt art, ICouponImageCodec codec, ICouponImageStore store, TimeProvider clock)
    : ICommandHandler<SeedCouponDemo, Unit>
{
    public async ValueTask<Unit> Handle(SeedCouponDemo command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!await db.BotConnections.AnyAsync(c => c.BotRole == BotRole.CouponBot, cancellationToken))
        {
            db.BotConnections.Add(TenantBotConnection.ConnectSandbox(tenant.RequiredTenantId, BotRole.CouponBot, BotChannels.None, now));
        }

        if (!await db.CouponSettings.AnyAsync(cancellationToken))
        {
            db.CouponSettings.Add(CouponSettings.Create(
                tenant.RequiredTenantId,
                new CouponSettingsValues(CodeValidation.Pattern, CouponCodePattern.Default, null, "https://partner.example/buy?promo={code}", 5),
                now));
        }

        if (!await db.CouponTemplates.AnyAsync(cancellationToken))
        {
            for (var sample = 1; sample <= ICouponSampleArt.Count; sample++)
            {
                db.CouponTemplates.Add(await SampleAsync(sample, now, cancellationToken));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }

    private async Task<CouponTemplate> SampleAsync(int sample, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var variants = new List<CouponTemplateVariant>();
        var name = string.Empty;
        foreach (var size in sample == 1 ? CouponSizes.All : [CouponSize.Square])
        {
            var drawn = art.Draw(size, sample);
            name = drawn.Name;
            var image = codec.Normalise(drawn.Png);
            var stored = new StoredImage(CouponImages.Key(image.Sha256), image.Width, image.Height, image.Sha256);
            await store.PutAsync(stored.Key, image.Png, "image/png", cancellationToken);
            variants.Add(new CouponTemplateVariant(size, stored, new CouponTextStyle(drawn.Box, 120, "#FFFFFF", new TextOutline("#000000", 4), false)));
        }

        return CouponTemplate.Create(
            tenant.RequiredTenantId, new CouponTemplateDefinition(name, CouponTemplateSlug.Derive(name), true, true, variants, null), now);
    }
}
