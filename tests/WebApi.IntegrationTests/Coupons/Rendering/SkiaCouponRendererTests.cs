using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using PromoStack.Application.Coupons;
using PromoStack.Domain.Coupons;
using PromoStack.Infrastructure.Coupons.Rendering;
using SkiaSharp;

namespace PromoStack.WebApi.IntegrationTests.Coupons.Rendering;

/// <summary>
/// The renderer as a service: a few renders at a time however many are asked for (seen through its metrics), a slow
/// store holding up no other render, each template loaded once while it
/// stays cached (also when many renders ask for it together), loader and decoding failures as
/// <see cref="CouponRenderException"/> and never cached, one caller's cancellation failing nobody else.
/// </summary>
public sealed class SkiaCouponRendererTests
{
    private static readonly byte[] Template = TestTemplates.Background(200, 200);
    private static readonly CouponTextStyle Style = new(
        new TextBox(10, 40, 80, 20, HorizontalAlign.Center, VerticalAlign.Middle), 60, "#FFFFFF", null, showLogo: false);

    [Fact]
    public async Task ParallelRenders_NeverExceedTheConfiguredConcurrency()
    {
        using var meters = new RenderMeters();
        using var renderer = Renderer(concurrency: 2, meters.Factory);
        var square = TestTemplates.Background(1080, 1080);
        using var start = new Barrier(12);

        // Twelve threads of their own (the test host's thread pool may have one thread free), let go together.
        var renders = Enumerable.Range(0, 12).Select(i => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                return renderer.RenderPngAsync(new CouponRenderRequest($"key-{i}", _ => Task.FromResult(square), null, Style, $"CODE{i}"), CancellationToken.None)
                    .GetAwaiter().GetResult();
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default));
        var pngs = await Task.WhenAll(renders);

        pngs.Should().OnlyContain(png => png.Length > 0);
        meters.MostActive.Should().Be(2, "twelve renders asked at once run two at a time");
        meters.Active.Should().Be(0);
    }

    [Fact]
    public async Task ASlowStore_HoldsUpNoRenderOfACachedTemplate()
    {
        using var renderer = Renderer(concurrency: 1);
        await renderer.RenderPngAsync(new CouponRenderRequest("cached", _ => Task.FromResult(Template), null, Style, "WARM"), CancellationToken.None);
        var store = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = renderer.RenderPngAsync(new CouponRenderRequest("slow", _ => store.Task, null, Style, "SLOW"), CancellationToken.None);

        var quick = await renderer.RenderPngAsync(new CouponRenderRequest("cached", _ => store.Task, null, Style, "QUICK"), CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(10));

        quick.Should().NotBeEmpty("the only slot is free while the other render waits for its bytes");
        slow.IsCompleted.Should().BeFalse();
        store.SetResult(Template);
        (await slow).Should().NotBeEmpty();
    }

    [Fact]
    public async Task ATemplate_IsLoadedOnce_WhileCached_EvenWhenManyRendersAskAtOnce()
    {
        using var renderer = Renderer(concurrency: 4);
        var loads = 0;
        var logoLoads = 0;
        var withLogo = new CouponTextStyle(Style.Box, Style.MaxFontPx, Style.Color, null, showLogo: true);
        async Task<byte[]> Load(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref loads);
            await Task.Delay(30, cancellationToken);
            return Template;
        }

        Task<byte[]> LoadLogo(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref logoLoads);
            return Task.FromResult(TestTemplates.Logo());
        }

        var renders = Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            renderer.RenderPngAsync(new CouponRenderRequest("template-7:v3:square", Load, LoadLogo, withLogo, $"CODE{i}"), CancellationToken.None)));
        await Task.WhenAll(renders);
        await renderer.RenderPreviewJpegAsync(new CouponRenderRequest("template-7:v3:square", Load, LoadLogo, withLogo, "LATER"), 100, CancellationToken.None);

        loads.Should().Be(1);
        logoLoads.Should().Be(1);

        await renderer.RenderPngAsync(new CouponRenderRequest("template-7:v4:square", Load, LoadLogo, withLogo, "NEW-VERSION"), CancellationToken.None);
        loads.Should().Be(2, "another key is another template");
    }

    [Fact]
    public async Task ATemplateBiggerThanTheCache_IsRendered_ButNotKept()
    {
        using var renderer = new SkiaCouponRenderer(Options.Create(new CouponRenderingOptions { TemplateCacheMegabytes = 1 }), RenderMeters.Shared);
        var big = TestTemplates.Background(1080, 1080);
        var loads = 0;
        var request = new CouponRenderRequest("big", _ =>
        {
            loads++;
            return Task.FromResult(big);
        }, null, Style, "BIG");

        (await renderer.RenderPngAsync(request, CancellationToken.None)).Should().NotBeEmpty();
        (await renderer.RenderPngAsync(request, CancellationToken.None)).Should().NotBeEmpty();

        loads.Should().Be(2, "4.4 MB of pixels do not fit a 1 MB cache");
    }

    [Fact]
    public async Task AnOpaqueTemplate_GivesAnRgbPng_AndATransparentOneKeepsItsAlpha()
    {
        using var renderer = Renderer(concurrency: 2);
        using var seeThrough = new SKBitmap(new SKImageInfo(200, 200, SKColorType.Rgba8888, SKAlphaType.Premul));
        seeThrough.Erase(new SKColor(0x24, 0x3B, 0x55, 0x80));

        var fromOpaque = await renderer.RenderPngAsync(new CouponRenderRequest("opaque", _ => Task.FromResult(Template), null, Style, "RGB"), CancellationToken.None);
        var transparent = TestTemplates.Png(seeThrough);
        var fromTransparent = await renderer.RenderPngAsync(new CouponRenderRequest("transparent", _ => Task.FromResult(transparent), null, Style, "RGBA"), CancellationToken.None);

        fromOpaque[8 + 4 + 4 + 9].Should().Be(2, "the PNG's colour type is RGB");
        fromTransparent[8 + 4 + 4 + 9].Should().Be(6, "the PNG's colour type is RGBA");
        var corner = RasterImage.Decode(fromTransparent)[0, 0];
        (corner >> 24).Should().BeInRange(0x7F, 0x81, "the background's transparency is kept");
    }

    [Fact]
    public async Task ALoaderThatFails_IsARenderFailure_AndIsNotCached()
    {
        using var renderer = Renderer(concurrency: 2);
        var failing = new CouponRenderRequest("flaky", _ => throw new IOException("store down"), null, Style, "CODE");

        var failure = await FluentActions.Awaiting(() => renderer.RenderPngAsync(failing, CancellationToken.None))
            .Should().ThrowAsync<CouponRenderException>();
        failure.Which.InnerException.Should().BeOfType<IOException>();
        failure.Which.Message.Should().Contain("template image").And.Contain("store down");

        var png = await renderer.RenderPngAsync(failing with { LoadImage = _ => Task.FromResult(Template) }, CancellationToken.None);
        png.Should().NotBeEmpty("the next render loads again");
    }

    [Fact]
    public async Task AnImageThatCannotBeDecoded_IsARenderFailure()
    {
        using var renderer = Renderer(concurrency: 2);
        var text = "<html>not an image</html>"u8.ToArray();

        await FluentActions.Awaiting(() => renderer.RenderPngAsync(new CouponRenderRequest("text", _ => Task.FromResult(text), null, Style, "CODE"), CancellationToken.None))
            .Should().ThrowAsync<CouponRenderException>().WithMessage("*template image could not be decoded*");
        await FluentActions.Awaiting(() => renderer.RenderPngAsync(new CouponRenderRequest("empty", _ => Task.FromResult(Array.Empty<byte>()), null, Style, "CODE"), CancellationToken.None))
            .Should().ThrowAsync<CouponRenderException>().WithMessage("*template image is empty*");
        var logoStyle = new CouponTextStyle(Style.Box, Style.MaxFontPx, Style.Color, null, showLogo: true);
        await FluentActions.Awaiting(() => renderer.RenderPngAsync(
                new CouponRenderRequest("bad-logo", _ => Task.FromResult(Template), _ => Task.FromResult(text), logoStyle, "CODE"), CancellationToken.None))
            .Should().ThrowAsync<CouponRenderException>().WithMessage("*logo could not be decoded*");
    }

    [Fact]
    public async Task ACallerThatGivesUp_IsCancelled_AndAnotherWaitingForTheSameTemplateLoadsItItself()
    {
        using var renderer = Renderer(concurrency: 4);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var giveUp = new CancellationTokenSource();
        var first = renderer.RenderPngAsync(new CouponRenderRequest("shared", async cancellationToken =>
        {
            firstStarted.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Template;
        }, null, Style, "FIRST"), giveUp.Token);
        await firstStarted.Task;

        var second = renderer.RenderPngAsync(new CouponRenderRequest("shared", _ => Task.FromResult(Template), null, Style, "SECOND"), CancellationToken.None);
        await Task.Delay(50);
        second.IsCompleted.Should().BeFalse("the second render waits for the first one's load");
        await giveUp.CancelAsync();

        await FluentActions.Awaiting(() => first).Should().ThrowAsync<OperationCanceledException>();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Should().NotBeEmpty();
    }

    [Fact]
    public async Task ACallerWaitingForASlot_CanGiveUp()
    {
        using var meters = new RenderMeters();
        using var renderer = Renderer(concurrency: 1, meters.Factory);
        var big = TestTemplates.Background(4096, 4096);
        using var giveUp = new CancellationTokenSource();
        var busy = Task.Run(() => renderer.RenderPngAsync(new CouponRenderRequest("big", _ => Task.FromResult(big), null, Style, "BIG"), CancellationToken.None));
        await meters.ActiveReached(1);

        // The caller gives up as it starts to wait (deterministic: no timing between the wait and the cancellation).
        meters.WhenARenderWaits = giveUp.Cancel;
        var waiting = Task.Run(() => renderer.RenderPngAsync(new CouponRenderRequest("other", _ => Task.FromResult(Template), null, Style, "CODE"), giveUp.Token));

        await FluentActions.Awaiting(() => waiting).Should().ThrowAsync<OperationCanceledException>();
        (await busy).Should().NotBeEmpty("the render holding the slot is not disturbed");
        meters.Waiting.Should().Be(0, "the caller that gave up no longer counts as waiting");
    }

    private static SkiaCouponRenderer Renderer(int concurrency, IMeterFactory? meters = null) =>
        new(Options.Create(new CouponRenderingOptions { MaxConcurrentRenders = concurrency }), meters ?? RenderMeters.Shared);
}
