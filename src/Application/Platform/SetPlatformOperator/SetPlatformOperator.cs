using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Platform;

/// <summary>
/// Grants or revokes the platform-operator role of a Clerk user. Sent only by the CLI, by whoever holds the
/// database credentials: no API endpoint can make anyone an operator.
/// </summary>
public sealed record SetPlatformOperator(string ClerkUserId, bool IsOperator) : ICommand<bool>, ITenantAgnostic;

internal sealed class SetPlatformOperatorValidator : AbstractValidator<SetPlatformOperator>
{
    public SetPlatformOperatorValidator() => RuleFor(c => c.ClerkUserId).NotEmpty().MaximumLength(128);
}

/// <summary>Returns whether anything changed.</summary>
internal sealed class SetPlatformOperatorHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SetPlatformOperator, bool>
{
    public async ValueTask<bool> Handle(SetPlatformOperator command, CancellationToken cancellationToken)
    {
        var existing = await db.PlatformOperators.SingleOrDefaultAsync(o => o.ClerkUserId == command.ClerkUserId, cancellationToken);
        if (command.IsOperator == existing is not null)
        {
            return false;
        }

        if (existing is null)
        {
            db.PlatformOperators.Add(PlatformOperator.Grant(command.ClerkUserId, clock.GetUtcNow()));
        }
        else
        {
            db.PlatformOperators.Remove(existing);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
