using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Broadcasts;

namespace PromoStack.Application.Broadcasts;

internal sealed class BroadcastQueries(IAppDbContext db)
{
    public async Task<BroadcastDto> DtoAsync(BroadcastJob job, CancellationToken cancellationToken) => (await DtosAsync([job], cancellationToken))[0];

    /// <summary>The broadcasts with their progress, in one query whatever their number.</summary>
    public async Task<IReadOnlyList<BroadcastDto>> DtosAsync(IReadOnlyList<BroadcastJob> jobs, CancellationToken cancellationToken)
    {
        var ids = jobs.Select(j => j.Id).ToList();
        var counts = (await db.BroadcastDeliveries.Where(d => ids.Contains(d.BroadcastId)).GroupBy(d => new { d.BroadcastId, d.Status })
            .Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(c => (c.BroadcastId, c.Status), c => c.Count);
        return [.. jobs.Select(job =>
        {
            int Count(DeliveryStatus status) => counts.GetValueOrDefault((job.Id, status));
            return new BroadcastDto(
                job.Id, job.Message, job.Photo, job.Buttons is null ? [] : JsonSerializer.Deserialize<List<BroadcastButton>>(job.Buttons) ?? [], job.Audience,
                job.Status.ToString().ToLowerInvariant(),
                new BroadcastProgress(
                    job.Recipients ?? 0, job.ImportedSent ?? Count(DeliveryStatus.Sent), job.ImportedFailed ?? Count(DeliveryStatus.Failed), Count(DeliveryStatus.Blocked), Count(DeliveryStatus.Skipped),
                    Count(DeliveryStatus.Pending) + Count(DeliveryStatus.Queued)),
                job.CreatedAt, job.StartedAt, job.CompletedAt);
        })];
    }

    public async Task<BroadcastJob> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await db.BroadcastJobs.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) ?? throw new NotFoundException("Broadcast", id);
}
