using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PromoStack.Application;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Dev;
using PromoStack.Infrastructure;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Cli;

/// <summary>
/// The verbs that work on a database: the app's own services on the configured database (<c>DATABASE_URL</c>, else
/// <c>DB_HOST</c> and friends, else <c>ConnectionStrings__Postgres</c>), the same resolution the Web API makes, so the
/// published CLI next to a published API migrates and administers exactly the database that API uses.
/// </summary>
public static class CliHost
{
    /// <summary>
    /// Runs one verb in <paramref name="environmentName"/>, with the process's configuration (environment variables,
    /// <c>appsettings.json</c>) overridden by <paramref name="settings"/>. Exit 2 when the configuration is unusable.
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args, string environmentName, IEnumerable<KeyValuePair<string, string?>> settings, TextWriter output, TextWriter error)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], EnvironmentName = environmentName });
        builder.Configuration.AddInMemoryCollection(settings);

        // Standard output carries only a verb's result (e.g. the token); logs go to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        try
        {
            builder.Services.AddApplication();
            builder.Services.AddInfrastructure(builder.Configuration);
            builder.Services.AddScoped<IRequestContext, CliRequestContext>();
            builder.Services.AddMediator((MediatorOptions options) =>
            {
                options.Namespace = "PromoStack.Cli.Mediator";
                options.ServiceLifetime = ServiceLifetime.Scoped;
                options.Assemblies = [typeof(EnsureDevUser)];
                options.PipelineBehaviors =
                [
                    typeof(LoggingBehavior<,>),
                    typeof(TenantBehavior<,>),
                    typeof(ValidationBehavior<,>),
                    typeof(TransactionBehavior<,>),
                    typeof(AuditBehavior<,>),
                ];
            });
            using var host = builder.Build();
            return await Verbs.RunAsync(args, host.Services, builder.Environment, builder.Configuration, output, error);
        }
        catch (ConfigurationException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 2;
        }
    }
}
