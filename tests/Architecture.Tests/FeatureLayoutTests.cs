using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Telegram;

namespace PromoStack.Architecture.Tests;

/// <summary>
/// A feature reads the same in every layer: <c>Domain/Signals</c>, <c>Application/Signals</c>, the EF configurations
/// in <c>Persistence/Configurations/Signals</c>, a <c>Signals…Controller</c> and a <c>Signals</c> test folder; each
/// use case is one file in a folder named after it.
/// </summary>
public sealed class FeatureLayoutTests
{
    /// <summary>Shared mechanisms of the Domain, not features: the kernel and the work-queue model every queue uses.</summary>
    private static readonly string[] Mechanisms = ["Common", "Jobs"];

    private static readonly string[] TestProjects = ["Domain.Tests", "Application.Tests", "WebApi.IntegrationTests"];

    public static TheoryData<string> DomainFeatures()
    {
        var features = ProjectAssemblies.TypesOf(ProjectAssemblies.Domain)
            .Select(t => FeatureOf(t, "PromoStack.Domain"))
            .OfType<string>()
            .Except(Mechanisms)
            .Distinct()
            .Order();
        return [.. features];
    }

    [Fact]
    public void TheDomainFeatures_AreFound() =>
        DomainFeatures().Cast<object[]>().Select(row => (string)row[0]).Should().Contain(["Signals", "Subscriptions", "CrossPromo", "Telegram", "Tenants"]);

    [Theory]
    [MemberData(nameof(DomainFeatures))]
    public void EachDomainFeature_HasAnApplicationFeatureOfTheSameName(string feature) =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.Application).Select(t => FeatureOf(t, "PromoStack.Application"))
            .Should().Contain(feature);

    [Theory]
    [MemberData(nameof(DomainFeatures))]
    public void EachDomainFeaturesEntities_AreConfiguredInAFolderOfTheSameName(string feature)
    {
        var configurations = ProjectAssemblies.TypesOf(ProjectAssemblies.Infrastructure)
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>))
                .Select(i => (Configuration: t, Entity: i.GetGenericArguments()[0])))
            .Where(c => FeatureOf(c.Entity, "PromoStack.Domain") == feature)
            .ToList();

        configurations.Should().NotBeEmpty();
        configurations.Should().OnlyContain(
            c => c.Configuration.Namespace == $"PromoStack.Infrastructure.Persistence.Configurations.{feature}",
            "an entity of Domain/{0} is configured in Persistence/Configurations/{0}", feature);
    }

    [Theory]
    [MemberData(nameof(DomainFeatures))]
    public void EachDomainFeature_HasAControllerNamedAfterIt(string feature) =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.WebApi)
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t))
            .Select(t => t.Name)
            .Should().Contain(name => name.StartsWith(feature, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(DomainFeatures))]
    public void EachDomainFeature_HasATestFolderOfTheSameName(string feature) =>
        TestProjects.Should().Contain(
            project => Directory.Exists(Path.Combine(SourceTree.Root, "tests", project, feature)),
            "the tests of Domain/{0} are found under tests/<project>/{0}", feature);

    [Fact]
    public void EachMessage_IsOneUseCaseFile_InAFolderNamedAfterIt()
    {
        var messages = ProjectAssemblies.TypesOf(ProjectAssemblies.Application)
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(IMessage).IsAssignableFrom(t))
            .ToList();

        messages.Should().NotBeEmpty();
        var misplaced = messages
            .Select(t => $"src/Application/{FeatureOf(t, "PromoStack.Application")}/{t.Name}/{t.Name}.cs")
            .Where(path => !File.Exists(Path.Combine(SourceTree.Root, path)))
            .ToList();
        misplaced.Should().BeEmpty("a use case lives in Application/<Feature>/<UseCase>/<UseCase>.cs");

        var sharing = SourceTree.CSharpFiles("src/Application")
            .Where(path => SourceTree.TopLevelTypes(path).Count(name => messages.Any(m => m.Name == name)) > 1)
            .Select(SourceTree.Relative);
        sharing.Should().BeEmpty("one use case per file");
    }

    [Fact]
    public void EveryApplicationFile_UsesItsFeaturesNamespace()
    {
        var offenders = SourceTree.CSharpFiles("src/Application")
            .Select(SourceTree.Relative)
            .Where(path => path.Split('/') is { Length: > 3 } parts && parts[2] != "Common")
            .Where(path => !File.ReadAllText(Path.Combine(SourceTree.Root, path)).Contains($"namespace PromoStack.Application.{path.Split('/')[2]};", StringComparison.Ordinal));

        offenders.Should().BeEmpty("one namespace per feature: PromoStack.Application.<Feature>");
    }

    /// <summary><c>Program.Visibility.cs</c> is a part of <c>Program</c>.</summary>
    [Fact]
    public void EveryFile_IsNamedAfterATypeItDeclares()
    {
        var offenders = new[] { "src", "tests" }
            .SelectMany(SourceTree.CSharpFiles)
            .Where(path => SourceTree.TopLevelTypes(path) is { Count: > 0 } types && !types.Contains(Path.GetFileName(path).Split('.')[0]))
            .Select(SourceTree.Relative);

        offenders.Should().BeEmpty();
    }

    [Fact]
    public void BotCommands_AreNamedBotCommand_SoTheyAreNotTakenForCqrsCommands() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.Application)
            .Where(t => !t.IsAbstract && typeof(IBotCommand).IsAssignableFrom(t))
            .Should().NotBeEmpty().And.OnlyContain(t => t.Name.EndsWith("BotCommand", StringComparison.Ordinal));

    private static string? FeatureOf(Type type, string root) =>
        type.Namespace is { } ns && ns.StartsWith(root + ".", StringComparison.Ordinal) ? ns[(root.Length + 1)..].Split('.')[0] : null;
}
