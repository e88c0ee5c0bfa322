using System.Reflection;
using PromoStack.Domain.Common;

namespace PromoStack.Architecture.Tests;

public sealed class DomainEntityTests
{
    private static IReadOnlyList<Type> Entities() =>
        ProjectAssemblies.TypesOf(ProjectAssemblies.Domain)
            .Where(t => t.IsClass && !t.IsAbstract
                && (typeof(ITenantOwned).IsAssignableFrom(t) || typeof(ITenantOrPlatformOwned).IsAssignableFrom(t) || typeof(IGlobalEntity).IsAssignableFrom(t)))
            .ToList();

    [Fact]
    public void Entities_AreFound() =>
        Entities().Select(t => t.Name).Should().Contain(["Tenant", "TenantUser", "ClerkUser", "ForexSignal", "TelegramSubscription", "BroadcastJob", "AuditEntry"]);

    [Fact]
    public void Entities_HaveNoPublicSetters()
    {
        var offenders = Entities()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.GetSetMethod(nonPublic: false) is not null)
                .Select(p => $"{t.Name}.{p.Name}"));

        offenders.Should().BeEmpty("state changes go through intent methods");
    }

    [Fact]
    public void Entities_AreOwnedByATenantOrDeliberatelyGlobal_NotBoth()
    {
        var both = Entities().Where(t => new[] { typeof(ITenantOwned), typeof(ITenantOrPlatformOwned), typeof(IGlobalEntity) }.Count(kind => kind.IsAssignableFrom(t)) > 1);

        both.Should().BeEmpty();
    }
}
