using Mediator;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Architecture.Tests;

public sealed class MessagingConventionTests
{
    private static IReadOnlyList<Type> Messages() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.Application)
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

    private static IReadOnlyList<Type> Handlers() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.Application)
            .Where(t => !t.IsAbstract && !t.IsInterface && t.GetInterfaces().Any(IsHandlerInterface))
            .ToList();

    private static bool IsHandlerInterface(Type type) =>
        type.IsGenericType
        && (type.GetGenericTypeDefinition() == typeof(ICommandHandler<,>) || type.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)
            || type.GetGenericTypeDefinition() == typeof(IRequestHandler<,>));

    [Fact]
    public void Messages_AreFound() =>
        Messages().Select(t => t.Name).Should().Contain(["CreateTenant", "GetTenant", "UpdateTenant", "AddTenantUser", "GetMe", "ListTenants"]);

    [Fact]
    public void Messages_DeclareExactlyOneTenancyKind()
    {
        var offenders = Messages()
            .Where(t => typeof(ITenantScoped).IsAssignableFrom(t) == typeof(ITenantAgnostic).IsAssignableFrom(t))
            .Select(t => t.FullName);

        offenders.Should().BeEmpty("every message is either ITenantScoped or ITenantAgnostic, never both or neither");
    }

    [Fact]
    public void Handlers_AreFound() =>
        Handlers().Select(t => t.Name).Should().Contain(["CreateTenantHandler", "GetTenantHandler", "ListTenantUsersHandler"]);

    [Fact]
    public void Handlers_AreSealedAndNotPublic()
    {
        var offenders = Handlers()
            .Where(t => !t.IsSealed || t.IsPublic || t.IsNestedPublic)
            .Select(t => t.FullName);

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void EveryMessage_HasExactlyOneHandler()
    {
        var handled = Handlers()
            .SelectMany(t => t.GetInterfaces().Where(IsHandlerInterface))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();

        handled.Should().OnlyHaveUniqueItems();
        handled.Should().BeEquivalentTo(Messages());
    }

    [Fact]
    public void CommandsThatCallStripeOrTelegram_AreNotWrappedInOneTransaction()
    {
        // A hanging Stripe or Telegram must not hold a pooled connection in an open transaction on a request path.
        Type[] outside = [typeof(PromoStack.Application.Stripe.IStripeGateway), typeof(PromoStack.Application.Common.Abstractions.ITelegramBotApi)];
        var offenders = Handlers()
            .Where(h => h.GetConstructors().SelectMany(c => c.GetParameters())
                .Any(p => outside.Contains(p.ParameterType) || p.ParameterType.Name == "VipCheckouts"))
            .SelectMany(h => h.GetInterfaces().Where(i => IsHandlerInterface(i) && i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>)))
            .Select(i => i.GetGenericArguments()[0])
            .Where(message => !typeof(ICallsOutsideServices).IsAssignableFrom(message))
            .Select(message => message.FullName);

        offenders.Should().BeEmpty();
    }
}
