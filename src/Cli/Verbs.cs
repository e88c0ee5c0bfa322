using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PromoStack.Application.Dev;
using PromoStack.Application.Platform;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Identity;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Cli;

/// <summary>The console verbs behind <c>./promostack</c>.</summary>
public static class Verbs
{
    private const string Usage = """
        usage: promostack-cli <verb> [options]
          migrate                                   apply the committed database migrations
          dev-token --tenant <slug> --role <admin|member>
                                                    (Development, local database only) ensure the tenant and a dev user, print a 12 h token;
                                                    for the demo tenant, seed its demo data once
          platform-operator <grant|revoke> <clerk-user-id>
                                                    make a Clerk user a platform operator (may list every tenant), or not
          import --from <postgres://… | connection string> [--tenant ID]… [--dry-run] [--merge] [--source-timezone ZONE] [--report FILE]
                                                    bring tenants over from the original system's database (only read);
                                                    exit 0 clean, 1 rows quarantined, 2 bad arguments, 3 a tenant refused or failed
          cutover --tenant ID [--tenant ID]… | --all
                                                    register an imported tenant's bot webhooks here; print the Stripe endpoint to set
        """;

    public static async Task<int> RunAsync(
        string[] args, IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        switch (args.FirstOrDefault())
        {
            case "migrate":
                return await MigrateAsync(services, output);
            case "dev-token":
                return await DevTokenAsync(args[1..], services, environment, configuration, output, error);
            case "import":
                return await ImportCommand.RunAsync(args[1..], services, output, error);
            case "cutover":
                return await CutOverCommand.RunAsync(args[1..], services, output, error);
            case "platform-operator" when args.Length == 3 && args[1] is "grant" or "revoke":
                return await PlatformOperatorAsync(args[2], args[1] == "grant", services, output, error);
            default:
                await error.WriteLineAsync(Usage);
                return IsHelp(args) ? 0 : 2;
        }
    }

    /// <summary>No verb, or a request for the usage: answered without a database.</summary>
    public static bool IsHelp(string[] args) => args.Length == 0 || args[0] is "help" or "--help" or "-h";

    public static int Help(TextWriter error)
    {
        error.WriteLine(Usage);
        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await output.WriteLineAsync(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
        return 0;
    }

    private static async Task<int> DevTokenAsync(
        string[] args, IServiceProvider services, IHostEnvironment environment, IConfiguration configuration, TextWriter output, TextWriter error)
    {
        if (!environment.IsDevelopment())
        {
            await error.WriteLineAsync("dev-token works in Development only (ASPNETCORE_ENVIRONMENT=Development); production sign-in is Clerk's.");
            return 2;
        }

        var database = services.GetRequiredService<NpgsqlDataSource>().ConnectionString;
        if (!LocalDatabase.IsLocal(database))
        {
            await error.WriteLineAsync(
                $"dev-token works on a local database only (127.0.0.1, localhost, ::1 or a unix socket), not on {LocalDatabase.Hosts(database)}: " +
                "development users, demo data and tokens never go into a shared or production database.");
            return 2;
        }

        var options = Options(args);
        if (!options.TryGetValue("--tenant", out var tenant) || !options.TryGetValue("--role", out var roleText)
            || !Enum.TryParse<TenantRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            await error.WriteLineAsync("usage: dev-token --tenant <slug> --role <admin|member>");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new EnsureDevUser(tenant, role));
            if (tenant == "demo")
            {
                var tenants = scope.ServiceProvider.GetRequiredService<TenantScopes>();
                await tenants.RunAsync(
                    tenant, (services, ct) => services.GetRequiredService<ISender>().Send(new SeedCouponDemo(), ct).AsTask(), CancellationToken.None);
                await tenants.RunAsync(
                    tenant, (services, ct) => services.GetRequiredService<ISender>().Send(new SeedDemoData(), ct).AsTask(), CancellationToken.None);
            }

            var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
            var key = DevTokens.LoadOrCreateKey(auth.DevKeyPath);
            await output.WriteLineAsync(DevTokens.Create(key, user.UserId, user.Email, TimeProvider.System.GetUtcNow()));
            return 0;
        }
        catch (ValidationException exception)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, exception.Errors.Select(e => e.ErrorMessage)));
            return 2;
        }
    }

    private static async Task<int> PlatformOperatorAsync(string clerkUserId, bool grant, IServiceProvider services, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var changed = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SetPlatformOperator(clerkUserId, grant));
            await output.WriteLineAsync(
                $"{clerkUserId} {(grant ? "is" : "is not")} a platform operator{(changed ? string.Empty : " (unchanged)")}.");
            return 0;
        }
        catch (ValidationException exception)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, exception.Errors.Select(e => e.ErrorMessage)));
            return 2;
        }
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        return options;
    }
}
