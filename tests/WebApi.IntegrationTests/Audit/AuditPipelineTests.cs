using Mediator;
using PromoStack.Application.Common.Behaviors;
using PromoStack.Application.Common.Messaging;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Audit;

/// <summary>
/// The app's own mediator pipeline, as it composes it from the container (the first behavior outermost): every
/// message runs through the audit behavior once and last, so a command's entry is written inside its transaction.
/// </summary>
public sealed class AuditPipelineTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void EveryMessage_RunsThroughTheAuditBehaviorOnce_InnermostAndInsideTheTransaction()
    {
        var messages = typeof(AuditedMessages).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
            .ToList();
        using var scope = Factory.Services.CreateScope();

        var pipelines = messages.ToDictionary(
            m => m,
            m => scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(m, ResponseOf(m)))
                .Select(b => b!.GetType().GetGenericTypeDefinition()).ToList());

        messages.Where(AuditedMessages.Includes).Select(m => m.Name).Should().Contain(["SaveConnection", "GrantSubscription", "ExportJourneyAnswers", "ListTenants"]);
        pipelines.Should().AllSatisfy(p => p.Value.Count(b => b == typeof(AuditBehavior<,>)).Should().Be(1, p.Key.Name));
        pipelines.Should().AllSatisfy(p => p.Value[^1].Should().Be(typeof(AuditBehavior<,>), p.Key.Name));
        pipelines.Where(p => typeof(IBaseCommand).IsAssignableFrom(p.Key)).Should()
            .AllSatisfy(p => p.Value.Should().ContainInOrder([typeof(TransactionBehavior<,>), typeof(AuditBehavior<,>)], p.Key.Name));
    }

    private static Type ResponseOf(Type message) =>
        message.GetInterfaces().Single(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>) || i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .GetGenericArguments()[0];
}
