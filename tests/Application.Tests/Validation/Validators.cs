using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.DependencyInjection;

namespace PromoStack.Application.Tests.Validation;

/// <summary>
/// Resolves validators the way the application registers them (they are internal to Application). Only the
/// validators are resolved: Application's other services need the ports Infrastructure provides, so the provider is
/// not validated whole here (the integration tests start the real composition).
/// </summary>
internal static class Validators
{
    private static readonly ServiceProvider Provider = new ServiceCollection().AddApplication().BuildServiceProvider(
        new ServiceProviderOptions { ValidateScopes = true });

    public static ValidationResult Validate<T>(T message)
    {
        using var scope = Provider.CreateScope();
        var validators = scope.ServiceProvider.GetServices<IValidator<T>>().ToList();
        validators.Should().ContainSingle("exactly one validator is registered for {0}", typeof(T).Name);
        return validators[0].Validate(message);
    }

    public static void ShouldFailOn(this ValidationResult result, string propertyName)
    {
        result.IsValid.Should().BeFalse();
        result.Errors.Should().Contain(e => e.PropertyName == propertyName, "the failure should be reported for {0}", propertyName);
    }

    public static void ShouldOnlyFailOn(this ValidationResult result, string propertyName)
    {
        result.ShouldFailOn(propertyName);
        result.Errors.Select(e => e.PropertyName).Should().OnlyContain(p => p == propertyName);
    }
}
