namespace PromoStack.Infrastructure.Configuration;

/// <summary><c>Cors__AllowedOrigins</c>: the admin web app's origins, comma-separated.</summary>
public sealed class CorsOptions
{
    public const string Section = "Cors";

    public string? AllowedOrigins { get; set; }

    public IReadOnlyList<string> Origins =>
        (AllowedOrigins ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
