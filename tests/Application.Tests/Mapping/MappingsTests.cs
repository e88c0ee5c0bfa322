using Mapster;
using PromoStack.Application.Common.Mapping;
using PromoStack.Application.Signals;
using PromoStack.Application.Subscriptions;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Application.Tests.Mapping;

public sealed class MappingsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EveryFeaturesMappings_Compile() => FluentActions.Invoking(Mappings.Create).Should().NotThrow();

    [Fact]
    public void AMappingWithADtoMemberNoSourceFills_FailsToCompile()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<TelegramSubscription, SubscriptionDto>();

        FluentActions.Invoking(() => config.Compile()).Should().Throw<CompileException>("SubscriptionDto.Plan has no source without its mapping");
    }

    [Fact]
    public void AnUnregisteredMapping_IsRefused() =>
        FluentActions.Invoking(() => Now.Adapt<SignalDto>(Mappings.Create())).Should().Throw<CompileException>();

    [Fact]
    public void ASubscription_MapsItsPlanTypeToPlan()
    {
        var subscription = TelegramSubscription.BeginCheckout("acme", PlanType.Annual, "ana@example.com", Now);

        var dto = subscription.Adapt<SubscriptionDto>(Mappings.Create());

        dto.Plan.Should().Be(PlanType.Annual);
        dto.Email.Should().Be(subscription.Email);
        dto.Status.Should().Be(subscription.Status);
        dto.CreatedAt.Should().Be(Now);
    }
}
