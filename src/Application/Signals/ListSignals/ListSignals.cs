using FluentValidation;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Paging;
using PromoStack.Domain.Signals;

namespace PromoStack.Application.Signals;

/// <summary>The tenant's signals, newest first; demo signals only when asked for.</summary>
public sealed record ListSignals(
    SignalStatus? Status = null, SignalDirection? Direction = null, string? Strategy = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool IncludeDemo = false, int Page = 1, int PageSize = 50) : ITenantQuery<Page<SignalDto>>, IPagedQuery;

internal sealed class ListSignalsValidator : PagedQueryValidator<ListSignals>
{
    public ListSignalsValidator()
    {
        RuleFor(q => q.Status).IsInEnum();
        RuleFor(q => q.Direction).IsInEnum();
        RuleFor(q => q.Strategy).Must(s => s is null || ForexSettings.Strategies.Contains(s) || s == "manual")
            .WithMessage($"Must be one of {string.Join(", ", ForexSettings.Strategies)}, manual.");
        RuleFor(q => q.To).GreaterThan(q => q.From).When(q => q.From is not null && q.To is not null).WithMessage("Must be after 'from'.");
    }
}

internal sealed class ListSignalsHandler(IAppDbContext db, TypeAdapterConfig mappings) : IQueryHandler<ListSignals, Page<SignalDto>>
{
    public async ValueTask<Page<SignalDto>> Handle(ListSignals query, CancellationToken cancellationToken)
    {
        var signals = db.ForexSignals.AsNoTracking();
        if (!query.IncludeDemo)
        {
            signals = signals.Where(s => s.Source == SignalSource.Live);
        }

        if (query.Status is { } status)
        {
            signals = signals.Where(s => s.Status == status);
        }

        if (query.Direction is { } direction)
        {
            signals = signals.Where(s => s.Direction == direction);
        }

        if (query.Strategy is { } strategy)
        {
            signals = signals.Where(s => s.Strategy == strategy);
        }

        if (query.From is { } from)
        {
            signals = signals.Where(s => s.CreatedAt >= from);
        }

        if (query.To is { } to)
        {
            signals = signals.Where(s => s.CreatedAt < to);
        }

        return await signals.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id)
            .ProjectToType<SignalDto>(mappings).ToPageAsync(query, cancellationToken);
    }
}
