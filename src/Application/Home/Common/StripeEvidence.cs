using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Domain.Stripe;

namespace PromoStack.Application.Home;

/// <summary>
/// Whether Stripe really reaches this API for the tenant. An event is recorded in <c>processed_webhook_events</c> only
/// after its signature verified with the tenant's webhook secret, so a recorded event is the proof — except the
/// events an import copied from the original system's ledger (processed there, at or before the import), which prove
/// nothing about this endpoint.
/// </summary>
internal static class StripeEvidence
{
    /// <summary>The events this API received and verified itself.</summary>
    public static IQueryable<ProcessedWebhookEvent> VerifiedHere(IAppDbContext db) =>
        db.ProcessedWebhookEvents.AsNoTracking().Where(e => !db.TenantImports.Any(i => e.ProcessedAt <= i.ImportedAt));
}
