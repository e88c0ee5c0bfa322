using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Telegram.Routing;

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
        services.AddScoped<BotReplies>();
        services.AddScoped<Common.Security.PersonalData>();
        services.AddScoped<MessageRouter>();
        services.AddScoped<IBotCommand, StartCommand>();
        services.AddScoped<IBotCommand, HelpCommand>();
        services.AddScoped<IBotCommand, StopCommand>();
        services.AddScoped<Forex.SignalPosts>();
        services.AddScoped<Stripe.Webhooks.StripeEventEffects>();
        services.AddScoped<IStartPayloadHandler, Stripe.Checkout.LinkDeepLink>();
        services.AddScoped<Stripe.Checkout.PlanOffers>();
        services.AddScoped<Stripe.Checkout.VipCheckouts>();
        services.AddScoped<IStartPayloadHandler, Stripe.Checkout.VipPlansStart>();
        services.AddScoped<IBotCommand, Stripe.Checkout.VipPlansStart>();
        services.AddScoped<IButtonHandler, Stripe.Checkout.ChoosePlanButton>();
        services.AddScoped<Subscriptions.Access.VipInvites>();
        services.AddScoped<IBotCommand, Subscriptions.Access.StatusCommand>();
        services.AddScoped<IBotCommand, Subscriptions.Access.CancelCommand>();
        services.AddScoped<IConversationHandler, Subscriptions.Access.CancelConfirmation>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Subscriptions.SubscriptionActivated>, Subscriptions.Access.SendVipInvite>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Subscriptions.SubscriptionCancelled>, Subscriptions.Access.RemoveVipAccess>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Subscriptions.SubscriptionExpired>, Subscriptions.Access.RemoveVipAccess>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Telegram.UserJoinedChannel>, Subscriptions.Access.GuardVipJoins>();
        services.AddScoped<IJoinRequestHandler, Subscriptions.Access.VipJoinRequests>();
        services.AddScoped<Journeys.JourneyEngine>();
        services.AddScoped<Journeys.JourneyQueries>();
        services.AddScoped<Journeys.JourneyTriggerIndex>();
        services.AddScoped<Journeys.JourneyEventStarter>();
        services.AddScoped<IDeepLinkHandler, Journeys.JourneyDeepLinks>();
        services.AddScoped<IConversationHandler, Journeys.JourneyReplies>();
        services.AddScoped<IConversationHandler, Journeys.JourneyKeywords>();
        services.AddScoped<IButtonHandler, Journeys.JourneyChoiceButton>();
        services.AddScoped<Telegram.IDeliveryFailureHandler, Journeys.JourneyDeliveryFailures>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Telegram.UserJoinedChannel>, Journeys.JourneysOnChannelJoin>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Subscriptions.SubscriptionActivated>, Journeys.JourneysOnPayment>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Subscriptions.SubscriptionCancelled>, Journeys.JourneysOnCancellation>();
        services.AddScoped<Campaigns.CampaignQueries>();
        services.AddScoped<Broadcasts.BroadcastQueries>();
        services.AddScoped<CrossPromo.CrosspromoSettingsStore>();
        services.AddScoped<CrossPromo.CrosspromoTexts>();
        services.AddScoped<Common.Abstractions.IScheduledJob, CrossPromo.CrosspromoPlanJob>();
        services.AddScoped<Common.Abstractions.IDomainEventHandler<Domain.Signals.SignalTargetHit>, CrossPromo.WinningSignalPromo>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Campaigns.CampaignDatesJob>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Forex.ForexCheckJob>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Forex.ForexMonitorJob>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Forex.DailyRecapJob>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Forex.WeeklyRecapJob>();
        services.AddScoped<Common.Abstractions.IScheduledJob, Subscriptions.SubscriptionSweepJob>();
        return services;
    }
}
