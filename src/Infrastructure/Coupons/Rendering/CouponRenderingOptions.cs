namespace PromoStack.Infrastructure.Coupons.Rendering;

/// <summary><c>CouponRendering__*</c>: how many coupon images are drawn at once and how much memory decoded templates keep.</summary>
public sealed class CouponRenderingOptions
{
    public const string Section = "CouponRendering";

    /// <summary>Renders running at once (each holds a full-size image in memory); more wait their turn. 0: one per processor.</summary>
    public int MaxConcurrentRenders { get; set; }

    /// <summary>Decoded template images kept in memory, in MiB of pixels (a 1080×1920 image is about 8 MiB).</summary>
    public int TemplateCacheMegabytes { get; set; } = 256;

    /// <summary>How long a decoded template no render used stays cached.</summary>
    public int TemplateCacheIdleMinutes { get; set; } = 60;

    internal int Concurrency => MaxConcurrentRenders > 0 ? MaxConcurrentRenders : Environment.ProcessorCount;
}
