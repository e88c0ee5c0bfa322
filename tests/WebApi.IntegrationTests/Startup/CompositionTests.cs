using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Startup;

/// <summary>The app as composed: every bot command, button, event handler and scheduled job a feature declares is wired.</summary>
public sealed class CompositionTests(AppFixture fixture) : IntegrationTest(fixture)
{
    [Fact]
    public void EveryFeatureEntryPoint_IsRegistered_AndResolves()
    {
        var declared = new[] { typeof(Application.DependencyInjection).Assembly, typeof(PromoStack.Infrastructure.DependencyInjection).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces().Where(Application.DependencyInjection.IsEntryPoint).Select(contract => (Type: type, Contract: contract)))
            .ToList();
        using var scope = Factory.Services.CreateScope();

        declared.Should().Contain(entry => entry.Type.Name == "StartBotCommand").And.Contain(entry => entry.Type.Name == "PruneSystemTables");
        foreach (var (type, contract) in declared)
        {
            scope.ServiceProvider.GetServices(contract).Should().ContainSingle(
                service => service!.GetType() == type, "{0} implements {1}, so the app must offer it exactly once", type.Name, contract.Name);
        }
    }
}
