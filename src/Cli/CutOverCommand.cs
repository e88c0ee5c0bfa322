using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Import;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Cli;

/// <summary>
/// <c>cutover --tenant ID [--tenant ID]…</c>: registers each imported tenant's bots' webhooks here (<see cref="CutOver"/>)
/// and prints what to change in Stripe. Exit 0 when every bot now delivers here, 2 for bad arguments or a tenant that
/// was not imported, 3 when a bot could not be switched (run it again).
/// </summary>
public static class CutOverCommand
{
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var tenants = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--tenant" && i + 1 < args.Length)
            {
                tenants.Add(args[++i]);
                continue;
            }

            await error.WriteLineAsync($"Unknown option '{args[i]}'. usage: cutover --tenant ID [--tenant ID]…");
            return ImportCommand.BadArguments;
        }

        if (tenants.Count == 0)
        {
            await error.WriteLineAsync("Name the tenants to cut over: cutover --tenant ID [--tenant ID]… (PromoStack ids, as the import printed them).");
            return ImportCommand.BadArguments;
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
