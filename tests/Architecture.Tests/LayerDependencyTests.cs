using System.Reflection;
using NetArchTest.Rules;

namespace PromoStack.Architecture.Tests;

public sealed class LayerDependencyTests
{
    private const string DomainNs = "PromoStack.Domain";
    private const string ApplicationNs = "PromoStack.Application";
    private const string InfrastructureNs = "PromoStack.Infrastructure";
    private const string WebApiNs = "PromoStack.WebApi";
    private const string CliNs = "PromoStack.Cli";

    private static void ShouldNotDependOn(Assembly assembly, params string[] forbidden)
    {
        var types = Types.InAssembly(assembly);
        types.GetTypes().Should().NotBeEmpty("NetArchTest must see the types of {0}", assembly.GetName().Name);

        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        result.IsSuccessful.Should().BeTrue(
            "{0} must not depend on {1}, but these types do: {2}",
            assembly.GetName().Name, string.Join(", ", forbidden), string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_DependsOnNoOtherProject() =>
        ShouldNotDependOn(ProjectAssemblies.Domain, ApplicationNs, InfrastructureNs, WebApiNs, CliNs);

    [Fact]
    public void Domain_DependsOnNoFramework() =>
        ShouldNotDependOn(
            ProjectAssemblies.Domain,
            "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Mediator", "FluentValidation",
            "Npgsql", "Telegram", "Stripe", "Mapster", "Coravel");

    [Fact]
    public void Domain_ReferencesOnlyBaseClassLibraryAssemblies()
    {
        var references = ProjectAssemblies.Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        references.Should().NotBeEmpty();
        references.Should().OnlyContain(
            name => name == "System" || name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib",
            "the domain uses nothing beyond the BCL (it references {0})", string.Join(", ", references));
    }

    [Fact]
    public void Application_DependsOnlyOnDomain() =>
        ShouldNotDependOn(ProjectAssemblies.Application, InfrastructureNs, WebApiNs, CliNs, "Npgsql", "Microsoft.AspNetCore");

    [Fact]
    public void Application_ReferencesNoOtherProjectAssemblyThanDomain()
    {
        var projectReferences = ProjectAssemblies.Application.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("PromoStack.", StringComparison.Ordinal));

        projectReferences.Should().Equal("PromoStack.Domain");
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnTheHosts() =>
        ShouldNotDependOn(ProjectAssemblies.Infrastructure, WebApiNs, CliNs);

    [Fact]
    public void WebApi_DoesNotDependOnCli() => ShouldNotDependOn(ProjectAssemblies.WebApi, CliNs);

    [Fact]
    public void Cli_DoesNotDependOnWebApi() => ShouldNotDependOn(ProjectAssemblies.Cli, WebApiNs);

    /// <summary>The checks above only mean something if NetArchTest does see real dependencies.</summary>
    [Fact]
    public void DependencyCheck_DetectsKnownDependencies()
    {
        Types.InAssembly(ProjectAssemblies.Infrastructure).That().HaveDependencyOn("Microsoft.EntityFrameworkCore").GetTypes()
            .Should().NotBeEmpty();
        Types.InAssembly(ProjectAssemblies.Application).That().HaveDependencyOn(DomainNs).GetTypes().Should().NotBeEmpty();
        Types.InAssembly(ProjectAssemblies.WebApi).That().HaveDependencyOn(ApplicationNs).GetTypes().Should().NotBeEmpty();
        Types.InAssembly(ProjectAssemblies.Cli).That().HaveDependencyOn(InfrastructureNs).GetTypes().Should().NotBeEmpty();
    }
}
