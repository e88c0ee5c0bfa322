using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Replaces the tenant's list of valid codes (for <see cref="CodeValidation.CodeList"/>) with the codes of an uploaded
/// file (<see cref="CouponCodeCsv"/>), in one transaction: readers see the old list or the new one, never a mix. Codes
/// are normalised as the bot normalises what users type, duplicates counted once, and a line that is not a code by
/// the tenant's pattern is left out and reported (the first <see cref="CouponCodeListReport.ReportedRejects"/>, with
/// the count). A file without a single code changes nothing (400).
/// </summary>
public sealed record ReplaceCouponCodes(string Csv) : ITenantCommand<CouponCodeListReport>
{
    public const int MaxCodes = 100_000;
}

/// <summary>What an upload did: the codes now in the list, the repeats folded, and the lines left out.</summary>
public sealed record CouponCodeListReport(int Count, int Duplicates, int RejectedCount, IReadOnlyList<RejectedCouponCode> Rejected)
{
    public const int ReportedRejects = 20;
}

/// <param name="Line">The line number in the file, from 1.</param>
public sealed record RejectedCouponCode(int Line, string Text, string Reason);

internal sealed class ReplaceCouponCodesHandler(IAppDbContext db, ICouponCodeBulkInsert bulk, TimeProvider clock) : ICommandHandler<ReplaceCouponCodes, CouponCodeListReport>
{
    private const int ShownTextLength = 80;

    public async ValueTask<CouponCodeListReport> Handle(ReplaceCouponCodes command, CancellationToken cancellationToken)
    {
        var source = await db.CouponSettings.AsNoTracking().Select(s => s.CodePattern).SingleOrDefaultAsync(cancellationToken) ?? CouponCodePattern.Default;
        var pattern = CouponCodePattern.Parse(source);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new List<RejectedCouponCode>();
        var (duplicates, rejectedCount) = (0, 0);
        foreach (var (line, cell) in CouponCodeCsv.FirstColumn(command.Csv))
        {
            if (!pattern.TryMatch(cell, out var code))
            {
                if (++rejectedCount <= CouponCodeListReport.ReportedRejects)
                {
                    rejected.Add(new RejectedCouponCode(line, TextCut.WithEllipsis(cell, ShownTextLength + 1), Reason(code, source)));
                }
            }
            else if (!codes.Add(code))
            {
                duplicates++;
            }
            else if (codes.Count > ReplaceCouponCodes.MaxCodes)
            {
                throw Invalid($"A list has at most {ReplaceCouponCodes.MaxCodes:N0} codes; split the file or remove codes that are no longer valid.");
            }
        }

        if (codes.Count == 0)
        {
            throw Invalid(rejected.Count == 0
                ? "The file has no codes: one code per line, or a CSV whose first column is the code."
                : $"No line of the file is a code by the pattern {source} ({rejectedCount} rejected; line {rejected[0].Line}: {rejected[0].Reason}).");
        }

        // Two uploads at once would each delete and insert; the tenant lock makes the second wait and replace the first.
        await db.LockCurrentTenantAsync(cancellationToken);
        await db.CouponCodes.ExecuteDeleteAsync(cancellationToken);
        await bulk.InsertAsync(codes, clock.GetUtcNow(), cancellationToken);
        return new CouponCodeListReport(codes.Count, duplicates, rejectedCount, rejected);
    }

    private static string Reason(string normalised, string pattern) =>
        normalised.Length > CouponCodePattern.MaxCodeLength ? $"longer than {CouponCodePattern.MaxCodeLength} characters"
        : CouponCodePattern.CommandWords.Contains(normalised) ? "a word the bot takes as a command"
        : $"does not match the code pattern {pattern}";

    private static ValidationException Invalid(string message) => new([new ValidationFailure("File", message)]);
}
