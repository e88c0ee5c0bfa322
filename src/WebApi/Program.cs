using Coravel;
using Mediator;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PromoStack.Application;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Me;
using PromoStack.Infrastructure;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Schedules;
using PromoStack.WebApi;
using PromoStack.WebApi.Auth;
using PromoStack.WebApi.Errors;
using PromoStack.WebApi.Health;
using PromoStack.WebApi.Observability;
using PromoStack.WebApi.OpenApi;
using PromoStack.WebApi.PublicEndpoints;
using PromoStack.WebApi.Security;
using Scalar.AspNetCore;
using PromoStack.WebApi.AdminApp;

var builder = WebApplication.CreateBuilder(args);
StartupChecks.Validate(builder.Configuration, builder.Environment);

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = WebApiLimits.MaxRequestBodyBytes);
builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<IRequestContext, HttpRequestContext>();
builder.Services.AddBackgroundWorkers(builder.Configuration);
builder.Services.AddMediator((MediatorOptions options) =>
{
    options.Namespace = "PromoStack.WebApi.Mediator";
    options.ServiceLifetime = ServiceLifetime.Scoped;
    options.Assemblies = [typeof(GetMe)];
    options.PipelineBehaviors =
    [
        typeof(LoggingBehavior<,>),
        typeof(TenantBehavior<,>),
        typeof(ValidationBehavior<,>),
        typeof(TransactionBehavior<,>),
        typeof(AuditBehavior<,>),
    ];
});

builder.Services.AddPromoStackAuthentication(builder.Configuration, builder.Environment);
builder.AddPromoStackTelemetry();
builder.Services
    .AddControllers()
    .AddJsonOptions(json =>
    {
        ApiJson.Configure(json.JsonSerializerOptions);

        // Reader messages name CLR types; clients get "the value is not valid" for the field instead.
        json.AllowInputFormatterExceptionMessages = false;
    })
    .ConfigureApiBehaviorOptions(api => api.InvalidModelStateResponseFactory = InvalidModelState.Respond);
// The OpenAPI document describes types with these options (not MVC's), so both must say the same: enums as names, numbers as numbers.
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Shape(json.SerializerOptions));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi(openApi => openApi
    .AddDocumentTransformer<DocumentInfoTransformer>()
    .AddDocumentTransformer<BearerSecurityTransformer>()
    .AddOperationTransformer<BearerSecurityTransformer>()
    .AddOperationTransformer<FileRequestBodyTransformer>()
    .AddOperationTransformer<FileResponseTransformer>()
    .AddOperationTransformer<OperationIdTransformer>()
    .AddOperationTransformer<ProblemResponsesTransformer>()
    .AddOperationTransformer<JsonMediaTypesTransformer>());

builder.Services.AddPublicEndpoints(builder.Configuration);
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
    .WithOrigins([.. (builder.Configuration.GetSection(CorsOptions.Section).Get<CorsOptions>() ?? new CorsOptions()).Origins])
    .AllowAnyHeader()
    .AllowAnyMethod()));
builder.Services.AddHealthChecks()
    .AddNpgSql(DatabaseConnection.ForRole(builder.Configuration, DatabaseRoles.App), name: "database", tags: ["ready"])
    .AddCheck<MigrationsHealthCheck>("migrations", tags: ["ready"])
    .AddCheck<QueueHealthCheck>("queues", tags: ["ready"]);

var app = builder.Build();
if (!BuildTimeDocument.IsBeingGenerated)
{
    await app.PrepareDatabaseAsync();
}

app.UseSecurityHeaders();
app.UseForwardedHeadersFromKnownProxies();
if (app.Environment.IsProduction())
{
    app.UseHsts();
}

app.UseExceptionHandler();
app.MapPromoStackMetrics();
app.UseStatusCodePages();
app.MapAdminApp();
app.UseRequestBodyLimit();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapControllers();
if (ApiReferenceOptions.Published(app.Configuration, app.Environment))
{
    // Anonymous on purpose: the API's description is for whoever builds a client, before any sign-in; it names no tenant and no data.
    app.MapOpenApi().AllowAnonymous();
    app.MapScalarApiReference("/docs", ApiReference.Configure).AllowAnonymous();
}

// Anonymous on purpose: load balancers and orchestrators probe these without a token; they say how the dependencies and
// the queues (depth and oldest age over all tenants) stand, and nothing of any tenant.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthReportWriter.WriteAsync })
    .AllowAnonymous();
if (app.Configuration.GetSection(WorkerOptions.Section).Get<WorkerOptions>()?.Enabled ?? true)
{
    app.Services.UseScheduler(scheduler => scheduler.Schedule<ScheduleTick>().EveryMinute().PreventOverlapping(nameof(ScheduleTick)));
}

await app.RunAsync();

/// <summary>The entry point; public so integration tests can host it.</summary>
public partial class Program;
