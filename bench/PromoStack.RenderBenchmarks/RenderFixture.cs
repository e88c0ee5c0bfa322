using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Rendering;

namespace PromoStack.RenderBenchmarks;

/// <summary>
/// What every measurement draws: sample 2 at story size (1080×1920; gradient, stripes and text, so the PNG is no easier
/// to compress than real artwork), a white code with an outline on its strip, the background already cached.
/// </summary>
internal static class RenderFixture
{
    public static readonly SampleArt Art = new SampleCouponArt().Draw(CouponSize.Story, 2);

    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static readonly CouponTextStyle Style = new(Art.Box, 160, "#FFFFFF", new TextOutline("#0B1E3F", 6), showLogo: false);

    public static SkiaCouponRenderer Renderer(int concurrency) =>
        new(Options.Create(new CouponRenderingOptions { MaxConcurrentRenders = concurrency }), Meters);

    public static CouponRenderRequest Request(string code) =>
        new("bench:sample-2:story", _ => Task.FromResult(Art.Png), null, Style, code);
}
