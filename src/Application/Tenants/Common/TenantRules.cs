using FluentValidation;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tenants;

internal static class TenantRules
{
    /// <summary>The rules of <see cref="Domain.Tenants.TenantSlug"/>, each reported with its reason.</summary>
    public static IRuleBuilderOptionsConditions<T, string> TenantSlug<T>(this IRuleBuilder<T, string> rule) =>
        rule.Custom((slug, context) =>
        {
            if (Domain.Tenants.TenantSlug.Problem(slug) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

    public static IRuleBuilderOptions<T, string> TenantName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Tenant.NameMaxLength);

    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(TimeZones.IsValidIana).WithMessage("'{PropertyValue}' is not an IANA time zone (e.g. Europe/London).");
}
