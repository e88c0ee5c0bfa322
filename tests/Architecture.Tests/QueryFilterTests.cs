using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Architecture.Tests;

public sealed class QueryFilterTests
{
    private static bool IsIgnoreQueryFilters(MethodBase method) =>
        method.Name == nameof(EntityFrameworkQueryableExtensions.IgnoreQueryFilters)
        && method.DeclaringType == typeof(EntityFrameworkQueryableExtensions);

    [Fact]
    public void IgnoreQueryFilters_IsCalledOnlyByTenantDirectory()
    {
        var callers = IlCalls.CallersOf(ProjectAssemblies.All, IsIgnoreQueryFilters);

        callers.Should().NotBeEmpty("TenantDirectory calls IgnoreQueryFilters, so a scan that finds nothing is broken");
        callers.Should().BeEquivalentTo([typeof(TenantDirectory)],
            "only TenantDirectory may look across tenants; found in {0}", string.Join(", ", callers.Select(t => t.FullName)));
    }

    /// <summary>The scan must see calls that the compiler moves into lambda closures and async state machines.</summary>
    [Fact]
    public void CallersOf_FindsCallsInLambdasAndAsyncMethodsAndMapsThemToTheSourceType()
    {
        var callers = IlCalls.CallersOf([typeof(QueryFilterTests).Assembly], IsIgnoreQueryFilters);

        callers.Should().BeEquivalentTo([typeof(FilterBypassSamples)]);
    }

    [Fact]
    public void SourceTypeOf_MapsCompilerGeneratedNestedTypesToTheirOuterType()
    {
        var generated = typeof(FilterBypassSamples).GetNestedTypes(BindingFlags.NonPublic).Where(t => t.Name.StartsWith('<')).ToList();

        generated.Should().HaveCountGreaterThanOrEqualTo(2, "the samples have a closure class and an async state machine");
        generated.Should().OnlyContain(t => IlCalls.SourceTypeOf(t) == typeof(FilterBypassSamples));
        IlCalls.SourceTypeOf(typeof(FilterBypassSamples)).Should().Be(typeof(FilterBypassSamples));
    }
}

/// <summary>Never run: only scanned, to prove the IL scan finds calls hidden by the compiler.</summary>
internal static class FilterBypassSamples
{
    public static async Task<int> InAsyncMethodAsync(IQueryable<string> rows)
    {
        await Task.Yield();
        return rows.IgnoreQueryFilters().Count();
    }

    public static Func<IQueryable<string>, int> InLambda(int extra) => rows => rows.IgnoreQueryFilters(["tenant"]).Count() + extra;
}
