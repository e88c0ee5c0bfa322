using FluentValidation;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Dev;

/// <summary>
/// Development only: a token for the <c>demo</c> tenant's development admin or member, made exactly as
/// <c>./promostack dev-token --tenant demo --role …</c> makes it — the tenant and the user (with that role) are
/// ensured first. It signs in through the same path as a Clerk token; the role comes from the database. Anywhere
/// development sign-in is off, the demo user is not touched and the answer is 404.
/// </summary>
public sealed record SignInDevUser(TenantRole? Role) : ICommand<DevSignInDto>, ITenantAgnostic;

/// <param name="Token">A development token (12 h), sent as <c>Authorization: Bearer …</c>.</param>
public sealed record DevSignInDto(string Token);

internal sealed class SignInDevUserValidator : AbstractValidator<SignInDevUser>
{
    public SignInDevUserValidator() => RuleFor(c => c.Role).NotNull().IsInEnum();
}

internal sealed class SignInDevUserHandler(IDevTokenIssuer tokens, IWorkspaceUnitOfWork workspace, TimeProvider clock)
    : ICommandHandler<SignInDevUser, DevSignInDto>
{
    /// <summary>The tenant <c>./promostack run</c> makes and signs in to.</summary>
    public const string DemoTenant = "demo";

    public async ValueTask<DevSignInDto> Handle(SignInDevUser command, CancellationToken cancellationToken)
    {
        if (!tokens.Enabled)
        {
            throw new NotFoundException("Development sign-in", DemoTenant);
        }

        var user = await DevUsers.EnsureAsync(workspace, DemoTenant, command.Role!.Value, clock.GetUtcNow(), cancellationToken);
        return new DevSignInDto(tokens.Issue(user));
    }
}
