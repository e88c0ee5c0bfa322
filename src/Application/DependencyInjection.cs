using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace PromoStack.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the validators. The mediator itself is generated and registered by each composition root
    /// (WebApi, Cli), each listing the same behaviors in the same order: logging, tenant, validation, transaction.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        return services;
    }
}
