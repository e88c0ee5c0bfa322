using Coravel;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Coupons;
using PromoStack.Application.Telegram;
using PromoStack.Application.Tenants;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Coupons.Partner;
using PromoStack.Infrastructure.Coupons.Storage;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Identity;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Schedules;
using PromoStack.Infrastructure.Secrets;
using PromoStack.Infrastructure.Telegram;
using PromoStack.Infrastructure.Tenancy;
using PromoStack.Infrastructure.Webhooks;

namespace PromoStack.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Persistence, tenancy, secrets, jobs and schedules. Call <see cref="StartupChecks.Validate"/> first.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        AddDatabase(services, configuration);
        services.AddScoped<IAppDbContext>(sp => sp.GetRequiredService<AppDbContext>());
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<DatabaseMigrator>();

        services.AddScoped<TenantContext>();
        services.AddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<TenantDirectory>();
        services.AddScoped<ITenantRegistry>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddScoped<Application.Me.IWorkspaceDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddScoped<Application.Platform.IPlatformDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddScoped<Application.Platform.ITenantLookIn, TenantLookIn>();
        services.AddSingleton<IWorkspaceUnitOfWork, WorkspaceUnitOfWork>();
        services.AddSingleton<TenantScopes>();
        services.AddScoped<TenantEntry>();
        services.AddScoped<TelegramWebhookGate>();
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        // Rate-limit windows follow real time, whatever clock the app's business runs on (tests move theirs).
        services.AddSingleton(sp => new WebhookSources(sp.GetRequiredService<IOptions<WebhookOptions>>(), TimeProvider.System));
        services.AddScoped<SignInService>();

        services.AddOptions<ClerkOptions>().Bind(configuration.GetSection(ClerkOptions.Section));
        services.AddOptions<AuthOptions>().Bind(configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<Application.Dev.IDevTokenIssuer, DevTokenIssuer>();
        services.AddSingleton<Application.Home.IClerkFrontend, ClerkFrontend>();
        services.AddHttpClient<IUserDirectory, ClerkUserDirectory>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ClerkOptions>>().Value.TimeoutSeconds));

        services.AddSingleton(_ => MasterKey.FromConfiguration(configuration));
        services.AddDataProtection()
            .SetApplicationName("PromoStack")
            .PersistKeysToDbContext<AppDbContext>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<MasterKey>((options, key) => options.XmlEncryptor = new MasterKeyXmlEncryptor(key));
        services.AddSingleton<ISecretProtector, SecretProtector>();
        services.AddSingleton<IPseudonyms, Pseudonyms>();

        services.AddOptions<WorkerOptions>().Bind(configuration.GetSection(WorkerOptions.Section));
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section));
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section));
        services.AddHttpClient(TelegramBotApi.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelegramOptions>>().Value.TimeoutSeconds));
        services.AddSingleton<ITelegramBotApi, TelegramBotApi>();
        services.AddSingleton<IPublicUrls, PublicUrls>();
        services.AddSingleton<IAppEnvironment, AppEnvironment>();
        services.AddScoped<IBotRegistry>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddMemoryCache(cache => cache.SizeLimit = 100_000);
        services.AddScoped<ITelegramWebhooks>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddScoped<CachedTelegramWebhooks>();
        services.AddSingleton<ITelegramUpdateReader, TelegramUpdateReader>();
        services.AddSingleton<WebhookLoad>();
        services.AddSingleton<StoredImages>();
        services.AddSingleton<ITelegramInbox, TelegramInbox>();
        services.AddSingleton<ChatThrottle>();
        services.AddSingleton<TelegramInboxWorker>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<TelegramInboxWorker>());
        services.AddScoped<ITelegramOutbox, TelegramOutbox>();
        services.AddSingleton<BotRateLimiter>();
        services.AddSingleton<TelegramSenderWorker>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<TelegramSenderWorker>());
        services.AddSingleton<WorkSignal>();
        services.AddOptions<Application.Subscriptions.SubscriptionOptions>().Bind(configuration.GetSection(Application.Subscriptions.SubscriptionOptions.Section));
        services.AddOptions<Stripe.StripeOptions>().Bind(configuration.GetSection(Stripe.StripeOptions.Section));
        services.AddHttpClient(Stripe.StripeGateway.HttpClientName);
        services.AddSingleton<Application.Stripe.IStripeGateway, Stripe.StripeGateway>();
        services.AddSingleton<Stripe.StripeWebhookVerifier>();
        services.AddScoped<Stripe.StripeWebhookGate>();
        services.AddScoped<Application.Stripe.IWebhookEventLedger, Stripe.WebhookEventLedger>();
        services.AddScoped<Application.Subscriptions.ISubscriptionEventLog, SubscriptionEventLog>();
        services.AddScoped<Stripe.CachedStripeWebhookSecrets>();
        services.AddScoped<Application.Stripe.IStripeWebhookSecrets>(sp => sp.GetRequiredService<Stripe.CachedStripeWebhookSecrets>());
        services.AddScoped<Application.Stripe.ITenantStripe, Stripe.TenantStripe>();
        services.AddScoped<Application.Coupons.ICouponCodeBulkInsert, Coupons.CouponCodeBulkInsert>();
        services.AddScoped<Application.Coupons.ICouponCodeCheckCache, Coupons.CouponCodeCheckCache>();
        services.AddSingleton<Application.Import.IOriginalDatabaseOpener, Import.OriginalDatabaseOpener>();
        services.AddOptions<MarketData.MarketDataOptions>().Bind(configuration.GetSection(MarketData.MarketDataOptions.Section));
        services.AddHttpClient(MarketData.TwelveDataMarketData.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketData.MarketDataOptions>>().Value.TwelveData.TimeoutSeconds));
        services.AddSingleton<Application.CrossPromo.IMarketNews, MarketData.NoMarketNews>();
        services.AddSingleton<Application.Signals.IMarketData>(sp => new MarketData.CachedMarketData(
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<MarketData.MarketDataOptions>>().Value
                    .ProviderIn(sp.GetRequiredService<IHostEnvironment>().IsDevelopment()) switch
                {
                    MarketData.MarketDataOptions.Providers.TwelveData => ActivatorUtilities.CreateInstance<MarketData.TwelveDataMarketData>(
                        sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(MarketData.TwelveDataMarketData.HttpClientName)),
                    MarketData.MarketDataOptions.Providers.Replay => ActivatorUtilities.CreateInstance<MarketData.ReplayMarketData>(sp),
                    _ => ActivatorUtilities.CreateInstance<MarketData.NoMarketData>(sp),
                }));
        services.AddHostedService<MarketData.MarketDataStartupLog>();
        AddCoupons(services, configuration);
        services.AddSingleton<Application.Signals.IEquityChart, Signals.Charts.ScottPlotEquityChart>();
        services.AddScoped<CommitSignals>();
        services.AddScoped<DomainEventOutbox>();
        services.AddSingleton<WorkQueue>();
        services.AddSingleton<QueueBacklog>();
        services.AddSingleton<DomainEventDispatcher>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<DomainEventDispatcher>());
        services.AddSingleton<CrossPromo.CrossPromoWorker>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<CrossPromo.CrossPromoWorker>());
        services.AddSingleton<Broadcasts.BroadcastWorker>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<Broadcasts.BroadcastWorker>());
        services.AddSingleton<Journeys.JourneyTimerWorker>();
        services.AddSingleton<IQueueWorker>(sp => sp.GetRequiredService<Journeys.JourneyTimerWorker>());
        services.AddSingleton<ScheduleRunner>();
        services.AddOptions<Coupons.Rendering.CouponRenderingOptions>().Bind(configuration.GetSection(Coupons.Rendering.CouponRenderingOptions.Section));
        services.AddSingleton<Application.Coupons.ICouponRenderer, Coupons.Rendering.SkiaCouponRenderer>();
        services.AddSingleton<Application.Coupons.ICouponImageCodec, Coupons.Rendering.SkiaImageCodec>();
        services.AddSingleton<Application.Coupons.ICouponSampleArt, Coupons.Rendering.SampleCouponArt>();
        Application.DependencyInjection.AddFeatureEntryPoints(services, typeof(DependencyInjection).Assembly);
        services.AddTransient<ScheduleTick>();
        services.AddScheduler();
        return services;
    }

    /// <summary>
    /// A connection pool per database role (<see cref="DatabaseRoles"/>): the application's, shared by EF and the few
    /// statements that bypass it, is the plain <see cref="NpgsqlDataSource"/> and <see cref="AppDbContext"/>; the system
    /// role's and the owner's are keyed, and the owner's is opened only to migrate.
    /// </summary>
    private static void AddDatabase(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => NpgsqlDataSource.Create(DatabaseConnection.ForRole(configuration, DatabaseRoles.App)));
        services.AddKeyedSingleton(DatabaseRoles.System, (_, _) => NpgsqlDataSource.Create(DatabaseConnection.ForRole(configuration, DatabaseRoles.System)));
        services.AddKeyedSingleton(DatabaseRoles.Owner, (_, _) => NpgsqlDataSource.Create(DatabaseConnection.Resolve(configuration)));
        services.AddSingleton<TenantSessionInterceptor>();
        services.AddDbContext<AppDbContext>((services, options) => Configure(options, services.GetRequiredService<NpgsqlDataSource>())
            .AddInterceptors(services.GetRequiredService<TenantSessionInterceptor>()));
        foreach (var role in new[] { DatabaseRoles.System, DatabaseRoles.Owner })
        {
            services.AddKeyedSingleton(role, (services, _) =>
            {
                var options = new DbContextOptionsBuilder<AppDbContext>();
                Configure(options, services.GetRequiredKeyedService<NpgsqlDataSource>(role))
                    .UseLoggerFactory(services.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
                return options.Options;
            });
            services.AddKeyedScoped(role, (services, _) => new AppDbContext(
                services.GetRequiredKeyedService<DbContextOptions<AppDbContext>>(role), new TenantContext(),
                services.GetRequiredService<DomainEventOutbox>(), services.GetRequiredService<CommitSignals>()));
        }
    }

    private static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) => options
        .UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory"))
        .UseSnakeCaseNamingConvention();

    /// <summary>The coupon adapters: the image store <c>Coupons__ImageStore__Kind</c> names, and the partner's code check.</summary>
    private static void AddCoupons(IServiceCollection services, IConfiguration configuration)
    {
        var imageStore = configuration.GetSection(CouponImageStoreOptions.Section);
        services.AddOptions<CouponImageStoreOptions>().Bind(imageStore);
        if ((imageStore.Get<CouponImageStoreOptions>() ?? new()).KindOrDefault == CouponImageStoreOptions.Kinds.S3)
        {
            services.AddSingleton(sp => S3CouponImageStore.CreateClient(sp.GetRequiredService<IOptions<CouponImageStoreOptions>>().Value));
            services.AddScoped<ICouponImageStore, S3CouponImageStore>();
        }
        else
        {
            services.AddScoped<ICouponImageStore, PostgresCouponImageStore>();
        }

        // Each attempt has the partner API's own timeout (HttpPartnerCodeChecker), not the client's.
        services.AddOptions<PartnerApiOptions>().Bind(configuration.GetSection(PartnerApiOptions.Section));
        services.AddHttpClient(HttpPartnerCodeChecker.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => HttpPartnerCodeChecker.Handler(sp.GetRequiredService<IOptions<PartnerApiOptions>>().Value));
        services.AddSingleton<IPartnerCodeChecker, HttpPartnerCodeChecker>();
    }

    /// <summary>Starts the queue workers when <c>Workers__Enabled</c> (the default).</summary>
    public static IServiceCollection AddBackgroundWorkers(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>()?.Enabled ?? true)
        {
            services.AddHostedService<QueueWorkerHost>();
            services.AddHostedService<QueueBacklogSampler>();
        }

        return services;
    }
}
