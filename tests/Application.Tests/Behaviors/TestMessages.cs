using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Tests.Behaviors;

/// <summary>One message of each kind the behaviors tell apart.</summary>
public static class TestMessages
{
    public sealed record ScopedCommand(string Value) : ITenantCommand<string>;

    public sealed record ScopedQuery : ITenantQuery<int>;

    public sealed record PlainCommand(string Value) : ICommand<string>, ITenantAgnostic;

    /// <summary>A command whose payload must never be logged.</summary>
    public sealed record SecretCommand(string Email, string Password) : ICommand<string>, ITenantAgnostic;

    public sealed record OutsideCallCommand(string Value) : ITenantCommand<string>, ICallsOutsideServices;
}
