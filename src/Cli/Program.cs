using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PromoStack.Application;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Dev;
using PromoStack.Cli;
using PromoStack.Infrastructure;
using PromoStack.Infrastructure.Configuration;

if (OfflineVerbs.Handles(args))
{
    return OfflineVerbs.Run(args, Environment.CurrentDirectory, Console.Out, Console.Error);
}

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = [],
    EnvironmentName = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
        ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
        ?? Environments.Production,
});

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
    return await Verbs.RunAsync(args, host.Services, builder.Environment, builder.Configuration, Console.Out, Console.Error);
}
catch (ConfigurationException exception)
{
    await Console.Error.WriteLineAsync(exception.Message);
    return 2;
}
