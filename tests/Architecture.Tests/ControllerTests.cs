using Microsoft.AspNetCore.Mvc;
using NetArchTest.Rules;

namespace PromoStack.Architecture.Tests;

public sealed class ControllerTests
{
    private const string ControllersNamespace = "PromoStack.WebApi.Controllers";

    private static IReadOnlyList<Type> Controllers() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.WebApi)
            .Where(t => t.Namespace == ControllersNamespace && t.Name.EndsWith("Controller", StringComparison.Ordinal) && !t.IsNested)
            .ToList();

    [Fact]
    public void Controllers_AreFound() =>
        Controllers().Select(t => t.Name).Should().Contain(["MeController", "TenantsController", "TenantUsersController", "PlatformController"]);

    [Fact]
    public void Controllers_DoNotUseTheDatabaseOrInfrastructure()
    {
        var controllers = Types.InAssembly(ProjectAssemblies.WebApi).That()
            .ResideInNamespace(ControllersNamespace).And().HaveNameEndingWith("Controller");
        controllers.GetTypes().Should().HaveCount(Controllers().Count);

        var result = controllers.ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "PromoStack.Infrastructure").GetResult();

        result.IsSuccessful.Should().BeTrue("controllers go through the mediator, but these don't: {0}",
            string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Controllers_HaveApiControllerAttribute()
    {
        var withoutAttribute = Controllers()
            .Where(t => !t.IsDefined(typeof(ApiControllerAttribute), inherit: true))
            .Select(t => t.Name);

        withoutAttribute.Should().BeEmpty();
    }

    [Fact]
    public void Controllers_DeriveFromControllerBase()
    {
        Controllers().Should().OnlyContain(t => typeof(ControllerBase).IsAssignableFrom(t));
    }
}
