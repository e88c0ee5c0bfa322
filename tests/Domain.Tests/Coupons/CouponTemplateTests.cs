using PromoStack.Domain.Common;
using PromoStack.Domain.Coupons;

namespace PromoStack.Domain.Tests.Coupons;

/// <summary>A template is one versioned definition: sizes of the right shape, each once, a slug that is clean, no stale saves.</summary>
public sealed class CouponTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 10, 0, 0, TimeSpan.Zero);

    private static CouponTextStyle Style(bool logo = false) =>
        new(new TextBox(10, 70, 80, 12, HorizontalAlign.Center, VerticalAlign.Middle), 90, "#fff", new TextOutline("#000", 3), logo);

    private static CouponTemplateVariant Variant(CouponSize size, int width, int height, bool logo = false) =>
        new(size, new StoredImage($"templates/{size}.png", width, height, "abc"), Style(logo));

    private static CouponTemplateDefinition Definition(params CouponTemplateVariant[] variants) =>
        new("Black Friday", "black-friday", true, false, variants, null);

    [Fact]
    public void A_new_template_is_version_1_and_every_change_bumps_it()
    {
        var template = CouponTemplate.Create("alpha", Definition(Variant(CouponSize.Story, 1080, 1920)), Now);
        template.Version.Should().Be(1);
        template.Variants.Single().Style.Color.Should().Be("#FFFFFF");

        template.Change(1, Definition(Variant(CouponSize.Square, 2160, 2160), Variant(CouponSize.Story, 540, 960)), Now.AddMinutes(1));

        template.Version.Should().Be(2);
        template.PreviewVariant.Size.Should().Be(CouponSize.Square);
    }

    [Fact]
    public void A_change_made_against_an_older_version_is_refused()
    {
        var template = CouponTemplate.Create("alpha", Definition(Variant(CouponSize.Square, 1080, 1080)), Now);
        template.Change(1, Definition(Variant(CouponSize.Square, 1080, 1080)), Now);

        FluentActions.Invoking(() => template.Change(1, Definition(Variant(CouponSize.Feed, 1080, 1440)), Now))
            .Should().Throw<StaleTemplateException>().Which.CurrentVersion.Should().Be(2);
        template.Variants.Single().Size.Should().Be(CouponSize.Square);
    }

    [Fact]
    public void An_image_of_another_shape_is_refused_naming_the_expected_size()
    {
        FluentActions.Invoking(() => CouponTemplate.Create("alpha", Definition(Variant(CouponSize.Square, 1080, 1350)), Now))
            .Should().Throw<DomainException>().WithMessage("*1080×1080*");
    }

    [Fact]
    public void Sizes_are_each_given_once_at_least_one_and_a_logo_needs_its_image()
    {
        FluentActions.Invoking(() => CouponTemplate.Create("alpha", Definition(), Now)).Should().Throw<DomainException>();
        FluentActions.Invoking(() => CouponTemplate.Create("alpha", Definition(Variant(CouponSize.Square, 1080, 1080), Variant(CouponSize.Square, 1080, 1080)), Now))
            .Should().Throw<DomainException>();
        FluentActions.Invoking(() => CouponTemplate.Create("alpha", Definition(Variant(CouponSize.Square, 1080, 1080, logo: true)), Now))
            .Should().Throw<DomainException>().WithMessage("*logo*");
    }

    [Theory]
    [InlineData("Black Friday: 20 % off!", "black-friday-20-off")]
    [InlineData("  10k giveaway -", "10k-giveaway")]
    [InlineData("Édition spéciale", "edition-speciale")]
    public void A_slug_is_derived_without_stray_hyphens(string name, string slug)
    {
        CouponTemplateSlug.Derive(name).Should().Be(slug);
        CouponTemplateSlug.Problem(slug).Should().BeNull();
    }

    [Theory]
    [InlineData("10k-giveaway-")]
    [InlineData("-promo")]
    [InlineData("promo--1")]
    [InlineData("Promo")]
    [InlineData("../x")]
    public void A_slug_with_stray_hyphens_capitals_or_other_characters_is_refused(string slug)
    {
        CouponTemplateSlug.Problem(slug).Should().NotBeNull();
    }

    [Theory]
    [InlineData(-1, 10, 10, 10)]
    [InlineData(95, 10, 10, 10)]
    [InlineData(10, 10, 0, 10)]
    [InlineData(10, 95, 10, 10)]
    [InlineData(double.NaN, 10, 10, 10)]
    public void A_text_box_lies_inside_the_image(double left, double top, double width, double height)
    {
        FluentActions.Invoking(() => new TextBox(left, top, width, height, HorizontalAlign.Left, VerticalAlign.Top)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_text_box_in_pixels_never_leaves_the_image()
    {
        new TextBox(90, 90, 10, 10, HorizontalAlign.Left, VerticalAlign.Top).InPixels(1081, 1081)
            .Should().Be((973, 973, 108, 108));
    }
}
