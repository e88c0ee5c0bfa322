using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Import;

/// <summary>The tenant's import from the original system: when, from where, and its report (rows per table, quarantined rows and why, settings, secrets).</summary>
public sealed record GetTenantImport : ITenantQuery<TenantImportDto>;

public sealed record TenantImportDto(string SourceTenantId, string Source, DateTimeOffset ImportedAt, int Quarantined, TenantImportReport Report);

internal sealed class GetTenantImportHandler(IAppDbContext db, ITenantContext tenant) : IQueryHandler<GetTenantImport, TenantImportDto>
{
    public async ValueTask<TenantImportDto> Handle(GetTenantImport query, CancellationToken cancellationToken)
    {
        var import = await db.TenantImports.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
                     ?? throw new NotFoundException("Import from the original system of tenant", tenant.RequiredTenantId);
        var report = JsonSerializer.Deserialize<TenantImportReport>(import.Report, TenantImporter.Json)!;
        return new TenantImportDto(import.SourceTenantId, import.Source, import.ImportedAt, import.Quarantined, report);
    }
}
