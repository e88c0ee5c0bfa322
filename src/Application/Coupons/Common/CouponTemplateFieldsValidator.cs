using FluentValidation;
using FluentValidation.Results;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The field errors of a template's definition that need nothing stored: the name, the slug's form, each size's
/// values and the files (their size, and that each belongs to a size or is the logo). Images are checked when they
/// are decoded, uniqueness against the database.
/// </summary>
internal abstract class CouponTemplateFieldsValidator<T> : AbstractValidator<T>
    where T : ICouponTemplateFields
{
    protected CouponTemplateFieldsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CouponTemplate.NameMaxLength);
        RuleFor(c => c.Slug).Must(slug => CouponTemplateSlug.Problem(slug) is null).When(c => c.Slug is not null)
            .WithMessage((_, slug) => CouponTemplateSlug.Problem(slug));
        RuleFor(c => c.Sizes).NotEmpty().WithMessage("A template has at least one size: square, story or feed.")
            .Must(sizes => sizes.Where(s => s?.Size is not null).GroupBy(s => s.Size).All(g => g.Count() == 1))
            .WithMessage("A template has each size at most once.");
        RuleForEach(c => c.Sizes).NotNull().WithMessage("A size is an object with its size, box, font size and colour.")
            .SetValidator(new CouponSizeInputValidator());
        RuleFor(c => c).Custom((fields, context) =>
        {
            foreach (var (name, content) in fields.Uploads())
            {
                if (content.Length == 0)
                {
                    context.AddFailure(new ValidationFailure(name, "The file is empty."));
                }
                else if (content.Length > ICouponImageCodec.MaxBytes)
                {
                    context.AddFailure(new ValidationFailure(name, $"An image is at most {ICouponImageCodec.MaxBytes / (1024 * 1024)} MB."));
                }
            }

            foreach (var size in CouponSizes.All.Where(size => fields.Upload(size) is not null && fields.Sizes.All(s => s?.Size != size)))
            {
                context.AddFailure(new ValidationFailure(
                    CouponSizes.Name(size), $"The template has no {CouponSizes.Name(size)} size for this image: add the size to sizes, or leave the file out."));
            }
        });
    }
}

internal sealed class CouponSizeInputValidator : AbstractValidator<CouponSizeInput>
{
    public CouponSizeInputValidator()
    {
        RuleFor(s => s.Size).NotNull().WithMessage("A size is square, story or feed.");
        RuleFor(s => s.Box).NotNull().WithMessage("A size needs its text box.").SetValidator(new TextBoxInputValidator()!);
        RuleFor(s => s.MaxFontPx).NotNull().InclusiveBetween(CouponTextStyle.MinFontPx, CouponTextStyle.MaxFontPxLimit);
        RuleFor(s => s.Color).Must(HexColor.IsValid).WithMessage("A colour is written like #FFFFFF.");
        RuleFor(s => s.Outline!.Color).Must(HexColor.IsValid).When(s => s.Outline is not null).WithMessage("A colour is written like #000000.");
        RuleFor(s => s.Outline!.WidthPx).NotNull().InclusiveBetween(1, TextOutline.MaxWidthPx).When(s => s.Outline is not null);
    }
}

internal sealed class TextBoxInputValidator : AbstractValidator<TextBoxInput>
{
    public TextBoxInputValidator()
    {
        RuleFor(b => b.LeftPct).NotNull().InclusiveBetween(0, 100);
        RuleFor(b => b.TopPct).NotNull().InclusiveBetween(0, 100);
        RuleFor(b => b.WidthPct).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.HeightPct).NotNull().GreaterThan(0).LessThanOrEqualTo(100);
        RuleFor(b => b.WidthPct).Must((box, width) => box.LeftPct + width <= 100.0001).When(b => b.LeftPct is not null && b.WidthPct is not null)
            .WithMessage("The box lies inside the image: left + width is at most 100 %.");
        RuleFor(b => b.HeightPct).Must((box, height) => box.TopPct + height <= 100.0001).When(b => b.TopPct is not null && b.HeightPct is not null)
            .WithMessage("The box lies inside the image: top + height is at most 100 %.");
    }
}
