using System.Reflection;
using System.Text.Json;
using PromoStack.Infrastructure.Stripe;

namespace PromoStack.Architecture.Tests;

/// <summary>
/// Stripe's JSON is read in one place, Infrastructure's <see cref="StripeEventParser"/>: the Stripe and subscription
/// features get typed events, so a field Stripe moves in a new API version is found and fixed there, not in a handler.
/// </summary>
public sealed class StripeJsonTests
{
    private static readonly string[] StripeFeatures = ["PromoStack.Application.Stripe", "PromoStack.Application.Subscriptions"];

    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    [Fact]
    public void TheStripeAndSubscriptionFeatures_UseNoSystemTextJson()
    {
        var types = ProjectAssemblies.TypesOf(ProjectAssemblies.Application).Where(t => StripeFeatures.Contains(IlCalls.SourceTypeOf(t).Namespace)).ToList();

        var offenders = types.Where(UsesJson).Select(t => IlCalls.SourceTypeOf(t).FullName).Distinct();

        types.Select(t => t.Name).Should().Contain(["StripeEventEffects", "ReceiveStripeEventHandler", "SyncStripeCatalogHandler"], "the scan sees both features");
        offenders.Should().BeEmpty("Stripe's JSON is Infrastructure's to read (StripeEventParser); found in {0}", string.Join(", ", offenders));
    }

    /// <summary>The scan must see JSON where the compiler hides it, and in signatures as well as in calls.</summary>
    [Fact]
    public void UsesJson_FindsCallsInLambdasAndAsyncMethods_AndJsonInSignatures()
    {
        UsesJson(typeof(StripeEventParser)).Should().BeTrue("the one place that reads Stripe's JSON");
        var generated = typeof(JsonSamples).GetNestedTypes(BindingFlags.NonPublic).Where(t => t.Name.StartsWith('<')).ToList();
        generated.Should().HaveCountGreaterThanOrEqualTo(2, "the samples have a closure class and an async state machine");
        generated.Should().OnlyContain(t => UsesJson(t));
        UsesJson(typeof(JsonSamples.InSignature)).Should().BeTrue();
        UsesJson(typeof(JsonSamples.InGenericArgument)).Should().BeTrue();
        UsesJson(typeof(IlCalls)).Should().BeFalse();
    }

    /// <summary>A call into System.Text.Json, or one of its types in a field, property or method signature.</summary>
    private static bool UsesJson(Type type) =>
        IlCalls.BodiesOf(type).Any(body => IlCalls.CalledBy(body).Any(called => IsJson(called.DeclaringType)))
        || type.GetFields(Declared).Any(f => IsJson(f.FieldType))
        || type.GetProperties(Declared).Any(p => IsJson(p.PropertyType))
        || IlCalls.BodiesOf(type).Any(m => m.GetParameters().Any(p => IsJson(p.ParameterType)) || (m is MethodInfo method && IsJson(method.ReturnType)));

    private static bool IsJson(Type? type) =>
        type is not null
        && ((type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) ?? false)
            || (type.HasElementType && IsJson(type.GetElementType()))
            || (type.IsGenericType && type.GetGenericArguments().Any(IsJson)));
}

/// <summary>Never run: only scanned, to prove <c>UsesJson</c> finds JSON hidden by the compiler or in signatures.</summary>
internal static class JsonSamples
{
    public static async Task<bool> InAsyncMethodAsync(string json)
    {
        await Task.Yield();
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("id", out _);
    }

    public static Func<string, int> InLambda() => json => JsonSerializer.Deserialize<int>(json);

    public sealed record InSignature(JsonElement Object);

    public sealed class InGenericArgument
    {
        public IReadOnlyList<JsonElement> Elements { get; } = [];
    }
}
