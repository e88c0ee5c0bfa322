using System.Reflection;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Architecture.Tests;

/// <summary>Whose data a unit of work acts on is decided in one Infrastructure place, never by a handler.</summary>
public sealed class TenantEntryTests
{
    private static bool IsEnter(MethodBase method) =>
        method.Name == nameof(ITenantContext.Enter) && method.DeclaringType == typeof(ITenantContext);

    [Fact]
    public void OnlyTenancy_EntersATenant()
    {
        var callers = IlCalls.CallersOf(ProjectAssemblies.All, IsEnter);

        callers.Should().BeEquivalentTo(
            [typeof(TenantEntry), typeof(TenantScopes)],
            "requests enter their tenant through TenantEntry (sign-in, a route naming the tenant, a bot's webhook) and "
            + "workers through TenantScopes; found in {0}", string.Join(", ", callers.Select(t => t.FullName)));
    }

    [Fact]
    public void NoApplicationCode_EntersATenant() =>
        IlCalls.CallersOf([ProjectAssemblies.Application], IsEnter).Should().BeEmpty();
}
