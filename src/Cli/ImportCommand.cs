using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Import;

namespace PromoStack.Cli;

/// <summary>
/// <c>import</c>: runs <see cref="ImportOriginal"/>, prints the report per tenant and table, and saves it as JSON
/// (<c>--report FILE</c>, default <c>import-report-&lt;time&gt;.json</c> in the current directory).
/// </summary>
public static class ImportCommand
{
    public const int Clean = 0;
    public const int QuarantinedRows = 1;
    public const int BadArguments = 2;
    public const int TenantNotImported = 3;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        if (!TryParse(args, out var command, out var reportPath, out var problem))
        {
            await error.WriteLineAsync(problem);
            return BadArguments;
        }

        await using var scope = services.CreateAsyncScope();
        ImportReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        }
        catch (ValidationException exception)
        {
            await error.WriteLineAsync(string.Join(Environment.NewLine, exception.Errors.Select(e => e.ErrorMessage)));
            return BadArguments;
        }
        catch (Exception exception) when (exception is FormatException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException)
        {
            await error.WriteLineAsync($"The original database cannot be read: {exception.Message}");
            return BadArguments;
        }

        reportPath ??= $"import-report-{report.At.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json";
        await File.WriteAllTextAsync(reportPath, JsonSerializer.Serialize(report, new JsonSerializerOptions(TenantImporter.Json) { WriteIndented = true }));
        await PrintAsync(report, output);
        await output.WriteLineAsync($"Report saved to {Path.GetFullPath(reportPath)}");
        return report.Failed ? TenantNotImported : report.Quarantined > 0 ? QuarantinedRows : Clean;
    }

    private static bool TryParse(string[] args, out ImportOriginal command, out string? reportPath, out string problem)
    {
        string? from = null, zone = null;
        reportPath = null;
        var tenants = new List<string>();
        var dryRun = false;
        var merge = false;
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--from":
                    from = Value();
                    break;
                case "--tenant" when Value() is { } tenant:
                    tenants.Add(tenant);
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--merge":
                    merge = true;
                    break;
                case "--source-timezone":
                    zone = Value();
                    break;
                case "--report":
                    reportPath = Value();
                    break;
                default:
                    problem = $"Unknown option '{args[i]}'. usage: import --from <postgres://… | connection string> [--tenant ID]… [--dry-run] [--merge] [--source-timezone ZONE] [--report FILE]";
                    command = null!;
                    return false;
            }
        }

        command = new ImportOriginal(from ?? string.Empty, tenants, dryRun, zone, merge);
        return true;
    }

    private static async Task PrintAsync(ImportReport report, TextWriter output)
    {
        await output.WriteLineAsync($"{(report.DryRun ? "DRY RUN (nothing written)" : "Import")} from {report.Source}; timestamps read as {report.SourceTimeZone} (the source's TimeZone is {report.ServerTimeZone})");
        foreach (var tenant in report.Tenants)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync($"Tenant {tenant.SourceTenantId} → {tenant.TenantId}: {JsonNamingPolicy.SnakeCaseLower.ConvertName(tenant.Outcome.ToString())}{(tenant.Reason is null ? string.Empty : $" — {tenant.Reason}")}");
            if (tenant.Tables.Count > 0)
            {
                await output.WriteLineAsync($"  {"table",-30} {"found",8} {"imported",9} {"quarant.",9} {"skipped",8}   target before → after");
                foreach (var t in tenant.Tables)
                {
                    await output.WriteLineAsync(
                        $"  {t.Table,-30} {t.Found,8} {t.Imported,9} {t.Quarantined,9} {t.Skipped,8}   {t.Target} {t.TargetBefore?.ToString(CultureInfo.InvariantCulture) ?? "-"} → {t.TargetAfter?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
                }
            }

            foreach (var line in tenant.Secrets.Select(s => $"  secret: {s}")
                         .Concat(tenant.Settings.Where(s => s.Action != "kept").Select(s => $"  setting {s.Table}.{s.Key}{(s.NewKey is null ? string.Empty : $" → {s.NewKey}")}: {s.Action}{(s.Reason is null ? string.Empty : $" ({s.Reason})")}"))
                         .Concat(tenant.QuarantinedRows.Select(q => $"  quarantined {q.Table} {q.Key}: {q.Reason}"))
                         .Concat(tenant.Notes.Select(n => $"  note: {n}")))
            {
                await output.WriteLineAsync(line);
            }
        }

        await output.WriteLineAsync();
        foreach (var line in report.AbsentTables.Select(t => $"absent in the source: {t}")
                     .Concat(report.Orphans.Select(o => $"quarantined orphan {o.Table} {o.Key}: {o.Reason}"))
                     .Concat(report.Notes.Select(n => $"note: {n}")))
        {
            await output.WriteLineAsync(line);
        }
    }
}
