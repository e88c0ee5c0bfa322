using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Security;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Connections;

/// <summary>
/// Connects (or reconnects) the tenant's bot for a role: the token is checked with <c>getMe</c>, stored encrypted,
/// and the bot's webhook registered with a fresh secret — or, when the other role already uses the same bot, with
/// that bot's existing webhook. No Telegram call runs inside a transaction: the connection is committed first (the
/// database refuses a bot another workspace holds), then the webhook is registered with the secret that was
/// committed; if Telegram refuses it, the previous connection is put back. A bot the role stops using leaves the
/// workspace: its queued messages are cancelled and its webhook deleted.
/// </summary>
/// <param name="Sandbox">Development only: a stand-in bot without a token whose sends never reach Telegram.</param>
public sealed record SaveConnection(BotRole Role, string? Token, string? ChannelId, string? FreeChannelId, bool Sandbox = false)
    : ITenantCommand<ConnectionDto>, ICallsOutsideServices;

internal sealed class SaveConnectionValidator : AbstractValidator<SaveConnection>
{
    public SaveConnectionValidator()
    {
        RuleFor(c => c.Role).IsInEnum();
        RuleFor(c => c.Token).NotEmpty().Matches(@"^\d{1,20}:[A-Za-z0-9_-]{20,100}\z")
            .WithMessage("A bot token looks like 123456789:AA… (from @BotFather).").When(c => !c.Sandbox);
        RuleFor(c => c.Token).Empty().When(c => c.Sandbox).WithMessage("A sandbox bot has no token.");
        RuleFor(c => c.ChannelId).ChannelReference();
        RuleFor(c => c.FreeChannelId).ChannelReference();
        RuleFor(c => c.ChannelId).Null().When(c => c.Role != BotRole.SignalBot).WithMessage("Only the signal bot administers channels.");
        RuleFor(c => c.FreeChannelId).Null().When(c => c.Role != BotRole.SignalBot).WithMessage("Only the signal bot administers channels.");
    }
}

internal sealed class SaveConnectionHandler(
    IAppDbContext db, IUnitOfWork unitOfWork, ITelegramBotApi telegram, IBotRegistry bots, ISecretProtector secrets, IPublicUrls urls, ITenantContext tenant,
    IAppEnvironment environment, TimeProvider clock)
    : ICommandHandler<SaveConnection, ConnectionDto>
{
    public async ValueTask<ConnectionDto> Handle(SaveConnection command, CancellationToken cancellationToken)
    {
        if (command.Sandbox)
        {
            return await SaveSandboxAsync(command, cancellationToken);
        }

        var token = command.Token!;
        var identity = await IdentifyAsync(token, cancellationToken);
        if (await bots.IsConnectedToAnotherTenantAsync(identity.TelegramId, cancellationToken))
        {
            throw new ConflictException($"@{identity.Username} is connected to another workspace: a bot can serve one workspace only.");
        }

        var connections = await db.BotConnections.ToListAsync(cancellationToken);
        var current = connections.SingleOrDefault(c => c.BotRole == command.Role);
        var other = connections.FirstOrDefault(c => c.BotRole != command.Role && c.IsSameBotAs(identity));
        if (other is not null && (other.BotRole == BotRole.CouponBot || command.Role == BotRole.CouponBot))
        {
            throw new ConflictException(
                $"@{identity.Username} is already this workspace's {BotRoleNames.Of(other.BotRole).Replace('_', ' ')}: the coupon bot is a bot of its own.");
        }

        var webhook = (other?.Webhook)
            ?? (current is not null && current.IsSameBotAs(identity) ? current.Webhook : null)
            ?? new WebhookBinding(Guid.NewGuid(), secrets.Protect(ConnectionSecrets.WebhookSecret, ConnectionSecrets.NewWebhookSecret()));
        var credentials = new BotCredentials(
            identity, secrets.Protect(ConnectionSecrets.Token, token), SecretMask.Mask(token), webhook);
        var channels = new BotChannels(
            await ChannelIdAsync(token, command.ChannelId, "channelId", cancellationToken),
            await ChannelIdAsync(token, command.FreeChannelId, "freeChannelId", cancellationToken));

        var replaced = current is not null && !current.IsSameBotAs(identity)
                                           && !connections.Any(c => c.BotRole != command.Role && c.BotTelegramId == current.BotTelegramId)
            ? (current.BotTelegramId, Token: current.IsSandbox ? null : secrets.Unprotect(ConnectionSecrets.Token, current.BotToken))
            : ((long BotTelegramId, string? Token)?)null;
        (BotCredentials, BotChannels)? previous = current is { IsSandbox: false } ? current.Snapshot() : null;
        if (current is null)
        {
            current = TenantBotConnection.Connect(tenant.RequiredTenantId, command.Role, credentials, channels, clock.GetUtcNow());
            db.BotConnections.Add(current);
        }
        else
        {
            current.Reconnect(credentials, channels, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await telegram.SetWebhookAsync(
                token, urls.TelegramWebhook(webhook.PublicId), secrets.Unprotect(ConnectionSecrets.WebhookSecret, webhook.EncryptedSecret), cancellationToken);
        }
        catch (Exception exception) when (exception is TelegramRejectedException or TelegramUnavailableException)
        {
            await PutBackAsync(current, previous);
            throw;
        }

        if (replaced is { } old)
        {
            await unitOfWork.InTransactionAsync(ct => BotOutbox.CancelQueuedAsync(db, old.BotTelegramId, ct), cancellationToken);
            if (old.Token is not null)
            {
                await BotWebhooks.TryDeleteAsync(telegram, old.Token, cancellationToken);
            }
        }

        return ConnectionDto.From(current);
    }

    /// <summary>Telegram refused the webhook: the role goes back to the bot it had (or to none), and nothing else changed.</summary>
    private async Task PutBackAsync(TenantBotConnection current, (BotCredentials Credentials, BotChannels Channels)? previous)
    {
        if (previous is { } before)
        {
            current.Reconnect(before.Credentials, before.Channels, clock.GetUtcNow());
        }
        else
        {
            db.BotConnections.Remove(current);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<ConnectionDto> SaveSandboxAsync(SaveConnection command, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment)
        {
            throw new ValidationException([new ValidationFailure(nameof(SaveConnection.Sandbox), "Sandbox bots exist in Development only.")]);
        }

        return await unitOfWork.InTransactionAsync(async ct =>
        {
            var current = await db.BotConnections.SingleOrDefaultAsync(c => c.BotRole == command.Role, ct);
            if (current is not null)
            {
                db.BotConnections.Remove(current);
                await db.SaveChangesAsync(ct);
            }

            var sandbox = TenantBotConnection.ConnectSandbox(
                tenant.RequiredTenantId, command.Role, new BotChannels(command.ChannelId, command.FreeChannelId), clock.GetUtcNow());
            db.BotConnections.Add(sandbox);
            await db.SaveChangesAsync(ct);
            return ConnectionDto.From(sandbox);
        }, cancellationToken);
    }

    /// <summary>
    /// A channel given as <c>@username</c> is stored by its numeric id, which never changes (a username can) and is
    /// what updates and sends carry.
    /// </summary>
    private async Task<string?> ChannelIdAsync(string token, string? reference, string field, CancellationToken cancellationToken)
    {
        if (reference is null || !reference.StartsWith('@'))
        {
            return reference;
        }

        return await telegram.FindChatIdAsync(token, reference, cancellationToken) is { } id
            ? id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new ValidationException([new ValidationFailure(field, $"Telegram does not show {reference} to this bot: add the bot to the channel as an administrator first.")]);
    }

    private async Task<BotIdentity> IdentifyAsync(string token, CancellationToken cancellationToken)
    {
        try
        {
            return await telegram.GetMeAsync(token, cancellationToken);
        }
        catch (TelegramRejectedException rejected)
        {
            throw new ValidationException([new ValidationFailure(nameof(SaveConnection.Token), $"Telegram refused this token: {rejected.Description}")]);
        }
    }
}

