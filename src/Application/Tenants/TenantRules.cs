using FluentValidation;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Tenants;

internal static class TenantRules
{
    public static IRuleBuilderOptions<T, string> TenantName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().MaximumLength(Tenant.NameMaxLength);

    public static IRuleBuilderOptions<T, string?> IanaTimeZone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(TimeZones.IsValidIana).WithMessage("'{PropertyValue}' is not an IANA time zone (e.g. Europe/London).");
}
