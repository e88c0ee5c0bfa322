using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Coupons;

namespace PromoStack.Application.Coupons;

/// <summary>
/// Saves the tenant's coupon settings as a whole. The partner's API key header value is write-only: null keeps the
/// stored one, an empty string removes the header, any other text replaces it (encrypted; only a masked hint is kept
/// in clear). A stored value is kept only for the origin it was given for: a save that points the URL at another
/// scheme, host or port must give the value again (else an admin could send the partner's key to a server of their
/// own). Unset numbers take their defaults: 5 checks a minute, partner timeout
/// 4000 ms, 2 attempts. The partner's cached answers are forgotten, so the next checks ask the API as now set.
/// </summary>
public sealed record SaveCouponSettings(
    CodeValidation? Validation, string? CodePattern, PartnerApiInput? Partner, string? LinkTemplate, int? ChecksPerMinute) : ITenantCommand<CouponSettingsDto>;

/// <param name="HeaderValue">Write-only: null keeps the stored value, "" removes the header, text sets it.</param>
public sealed record PartnerApiInput(
    string? UrlTemplate, string? HeaderName, string? HeaderValue, IReadOnlyList<int>? ValidStatuses, IReadOnlyList<int>? InvalidStatuses, int? TimeoutMs,
    int? Attempts)
{
    public IReadOnlyList<int> ValidStatusesOrDefault() => ValidStatuses ?? PartnerApi.DefaultValidStatuses;

    public IReadOnlyList<int> InvalidStatusesOrDefault() => InvalidStatuses ?? PartnerApi.DefaultInvalidStatuses;

    public int TimeoutMsOrDefault() => TimeoutMs ?? PartnerApi.DefaultTimeoutMs;

    public int AttemptsOrDefault() => Attempts ?? PartnerApi.DefaultAttempts;
}

internal sealed class SaveCouponSettingsValidator : AbstractValidator<SaveCouponSettings>
{
    public SaveCouponSettingsValidator()
    {
        RuleFor(s => s.Validation).NotNull().IsInEnum().WithMessage("Validation is partner, code_list or pattern.");
        RuleFor(s => s.CodePattern).Must(p => CouponCodePattern.Problem(p) is null).When(s => s.CodePattern is not null)
            .WithMessage((_, p) => CouponCodePattern.Problem(p));
        RuleFor(s => s.LinkTemplate).Must(t => CouponSettings.LinkProblem(t) is null).WithMessage((_, t) => CouponSettings.LinkProblem(t));
        RuleFor(s => s.ChecksPerMinute).InclusiveBetween(1, 60);
        RuleFor(s => s.Partner).NotNull().When(s => s.Validation == CodeValidation.Partner)
            .WithMessage("Partner validation needs the partner's API: its URL with {code} where the code goes.");
        RuleFor(s => s.Partner!).SetValidator(new PartnerApiInputValidator()).When(s => s.Partner is not null);
    }
}

internal sealed partial class PartnerApiInputValidator : AbstractValidator<PartnerApiInput>
{
    private const int MaxHeaderValueLength = 2000;

    public PartnerApiInputValidator()
    {
        RuleFor(p => p.UrlTemplate).Must(t => CouponSettings.ExampleUrl(t) is not null).WithMessage("The partner URL is an absolute http(s) URL with {code} where the code goes.");
        RuleFor(p => p.HeaderName).Matches(HeaderName()).When(p => p.HeaderName is not null)
            .WithMessage("A header name is letters, digits and - (e.g. X-Api-Key).");
        RuleFor(p => p.HeaderName).NotEmpty().When(p => !string.IsNullOrEmpty(p.HeaderValue)).WithMessage("Name the header that carries the value.");
        RuleFor(p => p.HeaderValue).MaximumLength(MaxHeaderValueLength)
            .Must(v => v is null || !v.Any(char.IsControl)).WithMessage("A header value has no line breaks or control characters.");
        RuleFor(p => p.ValidStatuses).Must(s => s!.Count > 0).When(p => p.ValidStatuses is not null).WithMessage("At least one status means valid.");
        RuleForEach(p => p.ValidStatuses).InclusiveBetween(100, 599);
        RuleForEach(p => p.InvalidStatuses).InclusiveBetween(100, 599);
        RuleFor(p => p.InvalidStatuses).Must((p, _) => !p.ValidStatusesOrDefault().Intersect(p.InvalidStatusesOrDefault()).Any())
            .WithMessage(p => $"A status is valid or invalid, not both: {string.Join(", ", p.ValidStatusesOrDefault().Intersect(p.InvalidStatusesOrDefault()))}.");
        RuleFor(p => p.TimeoutMs).InclusiveBetween(500, PartnerApi.MaxTimeoutMs);
        RuleFor(p => p.Attempts).InclusiveBetween(1, PartnerApi.MaxAttempts);
        RuleFor(p => p.Attempts).Must((p, _) => (long)p.TimeoutMsOrDefault() * p.AttemptsOrDefault() <= PartnerApi.MaxTotalMs)
            .WithMessage("The attempts' timeouts add up to at most 15 s (the user is waiting).");
    }

    [GeneratedRegex(@"\A[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();
}

internal sealed class SaveCouponSettingsHandler(IAppDbContext db, ISecretProtector secrets, ITenantContext tenant, TimeProvider clock)
    : ICommandHandler<SaveCouponSettings, CouponSettingsDto>
{
    public async ValueTask<CouponSettingsDto> Handle(SaveCouponSettings command, CancellationToken cancellationToken)
    {
        var settings = await db.CouponSettings.SingleOrDefaultAsync(cancellationToken);
        var values = new CouponSettingsValues(
            command.Validation!.Value, command.CodePattern ?? CouponCodePattern.Default, Partner(command.Partner, settings?.Partner), command.LinkTemplate!,
            command.ChecksPerMinute ?? CouponSettingsDto.DefaultChecksPerMinute);
        if (settings is null)
        {
            settings = CouponSettings.Create(tenant.RequiredTenantId, values, clock.GetUtcNow());
            db.CouponSettings.Add(settings);
        }
        else
        {
            settings.Change(values, clock.GetUtcNow());
        }

        await db.CouponCodeChecks.ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return CouponSettingsDto.From(settings);
    }

    private PartnerApi? Partner(PartnerApiInput? input, PartnerApi? stored)
    {
        if (input is null)
        {
            return null;
        }

        var (name, encrypted, hint) = input.HeaderValue switch
        {
            null when stored?.EncryptedHeaderValue is not null && !SameDestination(input, stored) => throw new ValidationException(
                [new ValidationFailure("Partner.HeaderValue", "The partner's address changed: give the header's value again (a stored key goes only to the server it was given for).")]),
            null when stored?.EncryptedHeaderValue is not null => (input.HeaderName ?? stored.HeaderName, stored.EncryptedHeaderValue, stored.HeaderValueHint),
            null when input.HeaderName is not null => throw new ValidationException(
                [new ValidationFailure("Partner.HeaderValue", "No header value is stored yet: give the header's value.")]),
            null or "" => (null, null, null),
            var value => (input.HeaderName, secrets.Protect(CouponSecrets.PartnerHeaderValue, value), SecretMask.Mask(value)),
        };
        return new PartnerApi(
            input.UrlTemplate!, name, encrypted, hint, input.ValidStatusesOrDefault(), input.InvalidStatusesOrDefault(), input.TimeoutMsOrDefault(), input.AttemptsOrDefault());
    }

    /// <summary>Whether the key would go to the same origin (scheme, host, port) as the one it was given for.</summary>
    private static bool SameDestination(PartnerApiInput input, PartnerApi stored) =>
        Uri.Compare(CouponSettings.ExampleUrl(input.UrlTemplate), CouponSettings.ExampleUrl(stored.UrlTemplate), UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
