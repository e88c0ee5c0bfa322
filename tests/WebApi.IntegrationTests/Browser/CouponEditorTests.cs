using System.Globalization;
using Microsoft.Playwright;
using PromoStack.WebApi.IntegrationTests.Coupons.Templates;
using PromoStack.WebApi.IntegrationTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace PromoStack.WebApi.IntegrationTests.Browser;

/// <summary>
/// A coupon template from its upload to the editor: the text box drawn by dragging on the image (the mouse on a
/// desktop, a finger on a phone), saved, and previewed as the server renders it.
/// </summary>
public sealed class CouponEditorTests(AppFixture fixture, BrowserFixture browser) : BrowserTest(fixture, browser)
{
    [Theory, ClassData(typeof(Devices))]
    public async Task ATemplate_IsUploaded_BoxedByDraggingOnItsImage_Saved_AndPreviewed(Device device)
    {
        var admin = await TenantAsync();
        var page = await SignInAsync(device);
        await GoToAsync(page, "Coupons");
        await page.GetByLabel("Name").FillAsync("Black Friday");
        await page.GetByLabel("Slug").FillAsync("black-friday");
        await page.GetByLabel("Square image").SetInputFilesAsync(new FilePayload { Name = "square.png", MimeType = "image/png", Buffer = TemplateForms.Png(TemplateForms.Square) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and edit" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Black Friday", Level = 1 })).ToBeVisibleAsync();
        var image = page.GetByRole(AriaRole.Img, new() { Name = "Black Friday, Square" });
        await Expect(image).ToHaveJSPropertyAsync("complete", true);
        (await image.EvaluateAsync<int>("i => i.naturalWidth")).Should().Be(TemplateForms.Square.Width);
        await AssertAccessibleAsync(page);
        var before = await BoxAsync(page);
        before.Top.Should().BeGreaterThan(8, "the drag starts above the current box, so it draws a new one rather than moving it");

        await image.ScrollIntoViewIfNeededAsync();
        var bounds = (await image.BoundingBoxAsync())!;
        var from = (X: bounds.X + (bounds.Width * 0.10), Y: bounds.Y + (bounds.Height * 0.08));
        var to = (X: bounds.X + (bounds.Width * 0.70), Y: bounds.Y + (bounds.Height * 0.40));
        await (device == Device.Phone ? DragWithAFingerAsync(page, from, to) : DragWithTheMouseAsync(page, from, to));

        var drawn = await BoxAsync(page);
        drawn.Left.Should().BeApproximately(10, 1.5);
        drawn.Top.Should().BeApproximately(8, 1.5);
        drawn.Width.Should().BeApproximately(60, 1.5);
        drawn.Height.Should().BeApproximately(32, 1.5);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.GetByText("/black-friday · version 2")).ToBeVisibleAsync();
        var box = (await (await admin.GetAsync("/api/coupons/templates")).JsonAsync())[0].GetProperty("sizes")[0].GetProperty("box");
        box.GetProperty("leftPct").GetDouble().Should().Be(drawn.Left);
        box.GetProperty("heightPct").GetDouble().Should().Be(drawn.Height);

        await page.GetByRole(AriaRole.Button, new() { Name = "Render preview" }).ClickAsync();

        var preview = page.GetByRole(AriaRole.Img, new() { Name = "Server-rendered preview with a sample code" });
        await Expect(preview).ToHaveJSPropertyAsync("complete", true);
        (await preview.EvaluateAsync<int>("i => i.naturalWidth")).Should().BeGreaterThan(0);
        await AssertAccessibleAsync(page);
    }

    private static async Task<(double Left, double Top, double Width, double Height)> BoxAsync(IPage page)
    {
        async Task<double> Value(string label) => double.Parse(await page.GetByLabel(label, new() { Exact = true }).InputValueAsync(), CultureInfo.InvariantCulture);
        return (await Value("Left %"), await Value("Top %"), await Value("Width %"), await Value("Height %"));
    }

    private static async Task DragWithTheMouseAsync(IPage page, (double X, double Y) from, (double X, double Y) to)
    {
        await page.Mouse.MoveAsync((float)from.X, (float)from.Y);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync((float)to.X, (float)to.Y, new() { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    /// <summary>A finger put down, moved and lifted, through the browser's own touch input (the page sees touch pointer events).</summary>
    private static async Task DragWithAFingerAsync(IPage page, (double X, double Y) from, (double X, double Y) to)
    {
        var devTools = await page.Context.NewCDPSessionAsync(page);
        Task Touch(string type, params (double X, double Y)[] points) => devTools.SendAsync("Input.dispatchTouchEvent", new Dictionary<string, object>
        {
            ["type"] = type,
            ["touchPoints"] = points.Select(p => new Dictionary<string, object> { ["x"] = p.X, ["y"] = p.Y }).ToArray(),
        });

        await Touch("touchStart", from);
        for (var step = 1; step <= 8; step++)
        {
            await Touch("touchMove", (from.X + ((to.X - from.X) * step / 8), from.Y + ((to.Y - from.Y) * step / 8)));
        }

        await Touch("touchEnd");
        await devTools.DetachAsync();
    }
}
