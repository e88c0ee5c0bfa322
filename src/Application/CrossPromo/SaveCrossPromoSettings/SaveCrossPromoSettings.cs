using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Connections;
using PromoStack.Domain.Connections;
using PromoStack.Domain.CrossPromo;

namespace PromoStack.Application.CrossPromo;

/// <summary>
/// Saves the tenant's cross-promotion. The morning time is <c>HH:mm</c> local to <see cref="Timezone"/> (an IANA
/// zone, the tenant's by default). Enabling it requires a connected posting bot that administers both channels with
/// the right to post (checked with Telegram now).
/// </summary>
public sealed record SaveCrossPromoSettings(
    bool Enabled, string? BotRole, string? CtaUrl, string? MorningPostTime, string? Timezone, IReadOnlyList<string>? Weekdays,
    int? TeaserOffsetMinutes, int? WinningSignalsPerDay, int? CatchUpMinutes) : ITenantCommand<CrossPromoSettingsDto>, ICallsOutsideServices;

internal sealed class SaveCrossPromoSettingsValidator : AbstractValidator<SaveCrossPromoSettings>
{
    public SaveCrossPromoSettingsValidator()
    {
        RuleFor(c => c.BotRole).Must(r => r is null or "signal_bot" or "message_bot").WithMessage("The bot is signal_bot or message_bot.");
        RuleFor(c => c.CtaUrl).MaximumLength(2048)
            .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "tg"))
            .WithMessage("The CTA URL must be an absolute https:// or tg:// link.");
        RuleFor(c => c.MorningPostTime).Must(t => t is null || TimeOnly.TryParseExact(t, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage("The morning post time is HH:mm (24-hour, local to the time zone).");
        RuleFor(c => c.Timezone).Must(z => z is null || TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithMessage("Unknown time zone: use an IANA name such as Europe/London.");
        RuleFor(c => c.Weekdays).Must(d => d is null || (d.Count > 0 && d.All(TenantCrossPromoSettings.DayNames.Contains)))
            .WithMessage("Weekdays are some of mon, tue, wed, thu, fri, sat, sun.");
        RuleFor(c => c.TeaserOffsetMinutes).InclusiveBetween(0, 12 * 60);
        RuleFor(c => c.WinningSignalsPerDay).InclusiveBetween(0, 20);
        RuleFor(c => c.CatchUpMinutes).InclusiveBetween(0, 24 * 60);
        RuleFor(c => c.MorningPostTime).NotEmpty().When(c => c.Enabled).WithMessage("Set the morning post time to enable cross-promotion.");
        RuleFor(c => c.CtaUrl).NotEmpty().When(c => c.Enabled).WithMessage("Set the CTA URL to enable cross-promotion.");
    }
}

internal sealed class SaveCrossPromoSettingsHandler(
    IAppDbContext db, CrossPromoSettingsStore store, ITelegramBotApi telegram, ISecretProtector secrets, TimeProvider clock)
    : Mediator.ICommandHandler<SaveCrossPromoSettings, CrossPromoSettingsDto>
{
    public async ValueTask<CrossPromoSettingsDto> Handle(SaveCrossPromoSettings command, CancellationToken cancellationToken)
    {
        var settings = await store.LoadAsync(track: true, cancellationToken);
        var role = command.BotRole ?? settings.BotRole;
        var channels = await TenantChannels.ConfiguredAsync(db, cancellationToken);
        if (command.Enabled)
        {
            await EnsureBotCanPostAsync(role, channels?.Vip, channels?.Free, cancellationToken);
        }

        settings.Configure(
            command.Enabled, role, command.CtaUrl ?? settings.CtaUrl,
            command.MorningPostTime is { } time ? TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture) : settings.MorningPostTimeLocal,
            TimeZoneInfo.FindSystemTimeZoneById(command.Timezone ?? settings.Timezone),
            command.Weekdays ?? settings.Weekdays.Split(','), command.TeaserOffsetMinutes ?? settings.TeaserOffsetMinutes,
            command.WinningSignalsPerDay ?? settings.WinningSignalsPerDay, command.CatchUpMinutes ?? settings.CatchUpMinutes, clock.GetUtcNow());
        settings.MirrorChannels(channels?.Vip, channels?.Free);
        await db.SaveChangesAsync(cancellationToken);
        return await store.DtoAsync(settings, cancellationToken);
    }

    /// <summary>The posting bot is connected and administers both channels with the right to post, per Telegram now.</summary>
    private async Task EnsureBotCanPostAsync(string role, string? vipChannel, string? freeChannel, CancellationToken cancellationToken)
    {
        var botRole = role == "message_bot" ? BotRole.MessageBot : BotRole.SignalBot;
        var bot = await db.BotConnections.AsNoTracking().Where(c => c.BotRole == botRole)
            .Select(c => new { c.BotToken, c.BotTelegramId, c.IsSandbox }).SingleOrDefaultAsync(cancellationToken);
        if (bot is null || vipChannel is null || freeChannel is null)
        {
            throw new ConflictException("Connect the signal bot with the VIP and FREE channels first: cross-promotion posts from one into the other.");
        }

        if (bot.IsSandbox)
        {
            return;
        }

        var token = secrets.Unprotect(ConnectionSecrets.Token, bot.BotToken);
        var failures = new List<ValidationFailure>();
        foreach (var (kind, channel) in new[] { ("VIP", vipChannel), ("FREE", freeChannel) })
        {
            var rights = await telegram.GetChannelRightsAsync(token, channel, bot.BotTelegramId, cancellationToken);
            if (rights is not { CanPostMessages: true })
            {
                failures.Add(new ValidationFailure("botRole", $"The {role} is not an administrator of the {kind} channel with the right to post."));
            }
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }
    }
}
