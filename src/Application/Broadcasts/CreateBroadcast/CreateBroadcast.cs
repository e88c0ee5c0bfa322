using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Broadcasts;

/// <summary>A message to an audience, sent through the outbox at bulk priority (interactive replies go first).</summary>
public sealed record CreateBroadcast(string Message, string? Photo, IReadOnlyList<BroadcastButton>? Buttons, BroadcastAudience Audience) : ITenantCommand<BroadcastDto>;

internal sealed class CreateBroadcastValidator : AbstractValidator<CreateBroadcast>
{
    public CreateBroadcastValidator()
    {
        RuleFor(c => c.Message).NotEmpty().MaximumLength(BroadcastJob.MessageMaxLength)
            .Must(m => TelegramHtmlCheck.Problem(m) is null).WithMessage(c => TelegramHtmlCheck.Problem(c.Message) ?? string.Empty);
        RuleFor(c => c.Message).MaximumLength(1024).When(c => c.Photo is not null).WithMessage("A photo's caption is at most 1024 characters.");
        RuleFor(c => c.Photo).MaximumLength(2048);
        RuleFor(c => c.Audience).IsInEnum();
        RuleFor(c => c.Buttons).Must(b => b is null || b.Count <= 8).WithMessage("At most 8 buttons.");
        RuleForEach(c => c.Buttons).ChildRules(button =>
        {
            button.RuleFor(b => b.Text).NotEmpty().MaximumLength(64);
            button.RuleFor(b => b.Url).NotEmpty().MaximumLength(2048)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "tg")
                .WithMessage("A button URL must be an absolute https://, http:// or tg:// link.");
        });
    }
}

internal sealed class CreateBroadcastHandler(IAppDbContext db, ITenantContext tenant, BroadcastQueries broadcasts, TimeProvider clock)
    : ICommandHandler<CreateBroadcast, BroadcastDto>
{
    public async ValueTask<BroadcastDto> Handle(CreateBroadcast command, CancellationToken cancellationToken)
    {
        var sender = command.Audience == BroadcastAudience.CouponUsers ? BotRole.CouponBot : BotRole.MessageBot;
        if (!await db.BotConnections.AnyAsync(c => c.BotRole == sender, cancellationToken))
        {
            throw new ConflictException($"Connect the {BotRoleNames.Of(sender).Replace('_', ' ')} first: this broadcast goes to its users.");
        }

        var now = clock.GetUtcNow();
        var job = BroadcastJob.Create(
            tenant.RequiredTenantId, command.Message, command.Audience, command.Photo,
            command.Buttons is { Count: > 0 } buttons ? JsonSerializer.Serialize(buttons) : null, now, null, now);
        db.BroadcastJobs.Add(job);
        await db.SaveChangesAsync(cancellationToken);
        return await broadcasts.DtoAsync(job, cancellationToken);
    }
}
