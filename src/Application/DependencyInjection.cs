using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Broadcasts;
using PromoStack.Application.Campaigns;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Mapping;
using PromoStack.Application.Common.Security;
using PromoStack.Application.Coupons;
using PromoStack.Application.CrossPromo;
using PromoStack.Application.Journeys;
using PromoStack.Application.Signals;
using PromoStack.Application.Subscriptions;
using PromoStack.Application.Telegram;

namespace PromoStack.Application;

public static class DependencyInjection
{
    /// <summary>
    /// The interfaces through which a feature plugs into the bot, the domain event dispatcher and the scheduler.
    /// Their implementations are found by scanning (<see cref="AddFeatureEntryPoints"/>), so a new one cannot be
    /// forgotten in a list.
    /// </summary>
    public static IReadOnlyList<Type> EntryPoints { get; } =
    [
        typeof(IBotCommand), typeof(IStartPayloadHandler), typeof(IDeepLinkHandler), typeof(IButtonHandler),
        typeof(IConversationHandler), typeof(IJoinRequestHandler), typeof(IChannelPostHandler),
        typeof(IDeliveryFailureHandler), typeof(IDomainEventHandler<>), typeof(IScheduledJob), typeof(IBotRoleRouter),
    ];

    /// <summary>
    /// Registers the validators, the feature entry points and the helpers features share. The mediator itself is
    /// generated and registered by each composition root (WebApi, Cli), each listing the same behaviors in the same
    /// order: logging, tenant, validation, transaction, audit.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Scoped, includeInternalTypes: true);
        services.AddFeatureEntryPoints(typeof(DependencyInjection).Assembly);
        services.AddSingleton(Mappings.Create());
        services.AddScoped<BotReplies>();
        services.AddScoped<PersonalData>();
        services.AddScoped<MessageRouter>();
        services.AddScoped<CouponConversation>();
        services.AddScoped<CouponCodeChecks>();
        services.AddScoped<Import.TenantImporter>();
        services.AddScoped<SignalPosts>();
        services.AddScoped<SignalPostHistory>();
        services.AddScoped<StripeEventEffects>();
        services.AddScoped<PlanOffers>();
        services.AddScoped<VipCheckouts>();
        services.AddScoped<VipInvites>();
        services.AddScoped<JourneyEngine>();
        services.AddScoped<JourneyQueries>();
        services.AddScoped<JourneyTriggerIndex>();
        services.AddScoped<JourneyEventStarter>();
        services.AddScoped<CampaignQueries>();
        services.AddScoped<BroadcastQueries>();
        services.AddScoped<CrossPromoSettingsStore>();
        services.AddScoped<CrossPromoTexts>();
        services.AddScoped<CouponTemplateWriter>();
        services.AddScoped<Home.BotChecks>();
        return services;
    }

    /// <summary>
    /// Registers every concrete class of <paramref name="assembly"/> under each <see cref="EntryPoints"/> interface
    /// it implements (scoped), in the order of their full names so the composition is the same on every start.
    /// </summary>
    public static IServiceCollection AddFeatureEntryPoints(this IServiceCollection services, Assembly assembly)
    {
        var implementations = assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .OrderBy(type => type.FullName, StringComparer.Ordinal);
        foreach (var type in implementations)
        {
            foreach (var contract in type.GetInterfaces().Where(IsEntryPoint))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }

    public static bool IsEntryPoint(Type contract) =>
        EntryPoints.Contains(contract.IsGenericType ? contract.GetGenericTypeDefinition() : contract);
}
