using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Time;
using PromoStack.Application.Common.Paging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The failed attempts of the period (as in <see cref="GetCouponAnalytics"/>: tenant days, the last 30 by default),
/// newest first, of one <see cref="ErrorType"/> (one of <see cref="CouponErrorTypes.Names"/>) or all.
/// </summary>
public sealed record ListCouponFailures(string? From = null, string? To = null, string? ErrorType = null, int Page = 1, int PageSize = 50)
    : ITenantQuery<Page<CouponFailureDto>>, IPagedQuery;

/// <summary>
/// One failed attempt. For members the chat id is left out, the names masked, and so is the text of a
/// <c>not_a_code</c> attempt (whatever the user wrote); admins see them in full.
/// </summary>
/// <param name="ChatId">The Telegram chat; null for the web generator (and for members).</param>
/// <param name="UserMistake">Whether the error is the user's doing rather than a system failure.</param>
public sealed record CouponFailureDto(
    int Id, DateTimeOffset At, CouponChannel Source, long? ChatId, string? Username, string? Name, string? Code, string? Template, CouponSize? Size,
    string ErrorType, bool UserMistake);

internal sealed class ListCouponFailuresValidator : PagedQueryValidator<ListCouponFailures>
{
    public ListCouponFailuresValidator()
    {
        RuleFor(q => q.From).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.To).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.ErrorType).Must(CouponFailures.IsErrorTypeOrAbsent).WithMessage(CouponFailures.ErrorTypeMessage);
    }
}

internal sealed class ListCouponFailuresHandler(IAppDbContext db, PersonalData personal, TimeProvider clock)
    : IQueryHandler<ListCouponFailures, Page<CouponFailureDto>>
{
    public async ValueTask<Page<CouponFailureDto>> Handle(ListCouponFailures query, CancellationToken cancellationToken)
    {
        var zone = await TenantZone.LoadAsync(db, cancellationToken);
        var period = CouponPeriod.Resolve(query.From, query.To, clock.GetUtcNow(), zone.Zone);
        var page = await CouponFailures.Query(db, period, query.ErrorType).ToPageAsync(query, cancellationToken);
        return new Page<CouponFailureDto>([.. page.Items.Select(row => new CouponFailureDto(
                row.Id, row.At, row.Source, personal.Id(row.ChatId), personal.Name(row.Username), personal.Name(CouponFailures.FullName(row.FirstName, row.LastName)),
                row.ErrorType == CouponErrorTypes.Name(CouponErrorType.NotACode) ? personal.Name(row.Code) : row.Code,
                row.Template, row.Size, row.ErrorType, CouponTally.IsUserMistake(row.ErrorType)))],
            page.Total, page.Number, page.PageSize);
    }
}
