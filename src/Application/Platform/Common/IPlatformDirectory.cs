namespace PromoStack.Application.Platform;

/// <summary>The platform screen's questions across every tenant, each answered in a fixed number of grouped queries.</summary>
public interface IPlatformDirectory
{
    /// <summary>Every tenant with its health at <paramref name="now"/>; failures count from <paramref name="since"/>.</summary>
    Task<IReadOnlyList<TenantHealthDto>> HealthAsync(DateTimeOffset now, DateTimeOffset since, CancellationToken cancellationToken);
}
