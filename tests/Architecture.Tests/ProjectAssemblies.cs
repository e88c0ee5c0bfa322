using System.Reflection;

namespace PromoStack.Architecture.Tests;

internal static class ProjectAssemblies
{
    public static readonly Assembly Domain = typeof(PromoStack.Domain.Tenants.Tenant).Assembly;
    public static readonly Assembly Application = typeof(PromoStack.Application.DependencyInjection).Assembly;
    public static readonly Assembly Infrastructure = typeof(PromoStack.Infrastructure.DependencyInjection).Assembly;
    public static readonly Assembly WebApi = typeof(Program).Assembly;
    public static readonly Assembly Cli = typeof(PromoStack.Cli.Verbs).Assembly;

    public static readonly IReadOnlyList<Assembly> All = [Domain, Application, Infrastructure, WebApi, Cli];

    /// <summary>The assembly's types, also when some of them cannot be loaded.</summary>
    public static IReadOnlyList<Type> TypesOf(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            throw new InvalidOperationException(
                $"Types of {assembly.GetName().Name} could not be loaded: "
                + string.Join("; ", exception.LoaderExceptions.Select(e => e?.Message)), exception);
        }
    }
}
