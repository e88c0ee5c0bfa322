using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Import;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Cli;

/// <summary>
/// <c>cutover --tenant ID [--tenant ID]… | --all</c>: registers each imported tenant's bots' webhooks here (<see cref="CutOver"/>; with
/// <c>--all</c>, every tenant that was imported)
/// and prints what to change in Stripe. Exit 0 when every bot now delivers here, 2 for bad arguments or a tenant that
/// was not imported, 3 when a bot could not be switched (run it again).
/// </summary>
public static class CutOverCommand
{
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var tenants = new List<string>();
        var all = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--tenant" && i + 1 < args.Length)
            {
                tenants.Add(args[++i]);
                continue;
            }

            if (args[i] == "--all")
            {
                all = true;
                continue;
            }

            await error.WriteLineAsync($"Unknown option '{args[i]}'. usage: cutover --tenant ID [--tenant ID]… | --all");
            return ImportCommand.BadArguments;
        }

        if (tenants.Count == 0 == !all)
        {
            await error.WriteLineAsync("Name the tenants to cut over (--tenant ID, the PromoStack ids the import printed), or --all for every imported tenant.");
            return ImportCommand.BadArguments;
        }

        if (all)
        {
            await using var scope = services.CreateAsyncScope();
            tenants.AddRange((await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ListAsync(CancellationToken.None)).Select(t => t.Id));
        }

        var exit = ImportCommand.Clean;
        foreach (var tenant in tenants)
        {
            CutOverReport report;
            try
            {
                report = await services.GetRequiredService<TenantScopes>().RunAsync(
                    tenant, (scope, ct) => scope.GetRequiredService<ISender>().Send(new CutOver(), ct).AsTask(), CancellationToken.None);
            }
            catch (ConflictException) when (all)
            {
                continue;
            }
            catch (ConflictException exception)
            {
                await error.WriteLineAsync($"{tenant}: {exception.Message}");
                exit = ImportCommand.BadArguments;
                continue;
            }

            await output.WriteLineAsync($"Tenant {report.TenantId}");
            foreach (var bot in report.Bots)
            {
                await output.WriteLineAsync($"  {bot.Role} @{bot.Username}: {(bot.PointsHere ? "webhook registered at " + bot.WebhookUrl : "NOT switched — " + bot.Problem)}");
                exit = bot.PointsHere || exit == ImportCommand.BadArguments ? exit : ImportCommand.TenantNotImported;
            }

            await output.WriteLineAsync($"  Stripe endpoint to add: {report.Stripe.EndpointUrl}");
            await output.WriteLineAsync($"  Events: {string.Join(", ", report.Stripe.Events)}");
            await output.WriteLineAsync($"  {report.Stripe.Instructions}");
        }

        return exit;
    }
}
