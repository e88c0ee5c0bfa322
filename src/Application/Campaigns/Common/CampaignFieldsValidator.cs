using FluentValidation;

namespace PromoStack.Application.Campaigns;

internal abstract class CampaignFieldsValidator<T> : AbstractValidator<T>
{
    protected void Fields(Func<T, string> title, Func<T, string?> description, Func<T, DateOnly> start, Func<T, DateOnly> end, Func<T, string?> prize)
    {
        RuleFor(c => title(c)).NotEmpty().MaximumLength(200).OverridePropertyName("title");
        RuleFor(c => description(c)).MaximumLength(4000).OverridePropertyName("description");
        RuleFor(c => prize(c)).MaximumLength(500).OverridePropertyName("prize");
        RuleFor(c => start(c)).NotEqual(default(DateOnly)).OverridePropertyName("startDate");
        RuleFor(c => end(c)).GreaterThanOrEqualTo(c => start(c)).OverridePropertyName("endDate").WithMessage("The end date must be on or after the start date.");
    }
}
