using FluentValidation;
using PromoStack.Domain.Journeys;

namespace PromoStack.Application.Journeys;

internal abstract class JourneySettingsValidator<T> : AbstractValidator<T>
{
    protected void Settings(Func<T, string> name, Func<T, string?> description, Func<T, ReentryPolicy> reentry, Func<T, int?> inactivity)
    {
        RuleFor(c => name(c)).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(c => description(c)).MaximumLength(2000).OverridePropertyName("description");
        RuleFor(c => reentry(c)).IsInEnum().OverridePropertyName("reentryPolicy");
        RuleFor(c => inactivity(c)).InclusiveBetween(1, Journey.MaxInactivityTimeoutMinutes).OverridePropertyName("inactivityTimeoutMinutes");
    }
}
