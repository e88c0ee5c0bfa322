using System.Globalization;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Time;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// The failed attempts of <see cref="ListCouponFailures"/> (same period and filter) as CSV, newest first, at most
/// <see cref="MaxRows"/> of them. Everything a user typed or Telegram reported about them is a text cell: quoted when
/// needed, and prefixed with a quote when a spreadsheet would run it as a formula.
/// </summary>
public sealed record ExportCouponFailures(string? From = null, string? To = null, string? ErrorType = null) : ITenantQuery<CouponFailuresCsv>, IAuditedQuery
{
    public const int MaxRows = 50_000;
}

/// <param name="FileName">e.g. <c>coupon-failures-2026-11-01-2026-11-30.csv</c>.</param>
/// <param name="Truncated">Whether more failures matched than <see cref="ExportCouponFailures.MaxRows"/> (the newest are in the file).</param>
public sealed record CouponFailuresCsv(string FileName, string Content, int Rows, bool Truncated);

internal sealed class ExportCouponFailuresValidator : AbstractValidator<ExportCouponFailures>
{
    public ExportCouponFailuresValidator()
    {
        RuleFor(q => q.From).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.To).Must(CouponPeriod.IsDateOrAbsent).WithMessage(CouponPeriod.DateMessage);
        RuleFor(q => q.ErrorType).Must(CouponFailures.IsErrorTypeOrAbsent).WithMessage(CouponFailures.ErrorTypeMessage);
    }
}

internal sealed class ExportCouponFailuresHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<ExportCouponFailures, CouponFailuresCsv>
{
    public async ValueTask<CouponFailuresCsv> Handle(ExportCouponFailures query, CancellationToken cancellationToken)
    {
        var zone = await TenantZone.LoadAsync(db, cancellationToken);
        var period = CouponPeriod.Resolve(query.From, query.To, clock.GetUtcNow(), zone.Zone);
        var rows = await CouponFailures.Query(db, period, query.ErrorType).Take(ExportCouponFailures.MaxRows + 1).ToListAsync(cancellationToken);
        var truncated = rows.Count > ExportCouponFailures.MaxRows;
        if (truncated)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var csv = new StringBuilder("created_at,source,chat_id,username,name,code,template,size,error_type,user_mistake\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', [
                row.At.ToString("O", CultureInfo.InvariantCulture), row.Source == CouponChannel.Web ? "web" : "telegram",
                row.ChatId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, Csv.Cell(row.Username ?? string.Empty),
                Csv.Cell(CouponFailures.FullName(row.FirstName, row.LastName) ?? string.Empty), Csv.Cell(row.Code ?? string.Empty),
                Csv.Cell(row.Template ?? string.Empty), row.Size is { } size ? CouponSizes.Name(size) : string.Empty, Csv.Cell(row.ErrorType),
                CouponTally.IsUserMistake(row.ErrorType) ? "true" : "false",
            ]).Append("\r\n");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"coupon-failures-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}.csv");
        return new CouponFailuresCsv(name, csv.ToString(), rows.Count, truncated);
    }
}
