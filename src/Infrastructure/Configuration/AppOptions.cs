namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>App__*</c>.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The public URL of this API, under which webhooks are registered.</summary>
    public string? PublicBaseUrl { get; set; }
}
