using Microsoft.Extensions.Configuration;
using Npgsql;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Configuration;

/// <summary>
/// Resolves the PostgreSQL connection string: <c>DATABASE_URL</c>, else <c>DB_HOST</c>/<c>DB_PORT</c>/<c>DB_NAME</c>/
/// <c>DB_USER</c>/<c>DB_PASSWORD</c>/<c>DB_SSLMODE</c>, else <c>ConnectionStrings__Postgres</c>. Unless the
/// connection string says otherwise, the statements used most are prepared automatically (<c>Max Auto Prepare</c>
/// 64): PostgreSQL then plans each once per connection instead of on every call, which cut its CPU per Stripe event
/// by about a quarter; set <c>Max Auto Prepare=0</c> behind a pooler without prepared-statement support.
/// </summary>
public static class DatabaseConnection
{
    public const int DefaultMaxAutoPrepare = 64;

    /// <summary>The owner's connection: the login that owns the schema and runs the migrations.</summary>
    public static string Resolve(IConfiguration configuration) => WithDefaults(ResolveConfigured(configuration));

    /// <summary>
    /// The connection of a runtime role (<see cref="DatabaseRoles.App"/> or <see cref="DatabaseRoles.System"/>):
    /// <c>ConnectionStrings__PostgresApp</c> / <c>ConnectionStrings__PostgresSystem</c> when set (a login of its own, as
    /// Production should have; the app then needs no owner's connection), else the owner's connection acting as the role
    /// (<c>Options=-c role=…</c>; the migration makes the owner a member of both, and Npgsql's reset of a pooled
    /// connection keeps a role given at connection start).
    /// </summary>
    public static string ForRole(IConfiguration configuration, string role)
    {
        var setting = role switch
        {
            DatabaseRoles.App => "PostgresApp",
            DatabaseRoles.System => "PostgresSystem",
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a runtime role."),
        };
        if (configuration.GetConnectionString(setting) is { Length: > 0 } own)
        {
            try
            {
                return WithDefaults(new NpgsqlConnectionStringBuilder(own).ConnectionString);
            }
            catch (ArgumentException exception)
            {
                throw new ConfigurationException($"ConnectionStrings__{setting} is not a valid connection string: {exception.Message}");
            }
        }

        var builder = new NpgsqlConnectionStringBuilder(Resolve(configuration));
        builder.Options = $"{builder.Options} -c role={role}".Trim();
        return builder.ConnectionString;
    }

    private static string WithDefaults(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Keys.Cast<string>().Any(k => k.Replace(" ", string.Empty, StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }

    private static string ResolveConfigured(IConfiguration configuration)
    {
        if (configuration["DATABASE_URL"] is { Length: > 0 } url)
        {
            return FromUrl(url);
        }

        if (configuration["DB_HOST"] is { Length: > 0 } host)
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = host,
                Port = ParsePort(configuration["DB_PORT"], "DB_PORT"),
                Database = Required(configuration, "DB_NAME"),
                Username = Required(configuration, "DB_USER"),
                Password = configuration["DB_PASSWORD"],
            };
            if (configuration["DB_SSLMODE"] is { Length: > 0 } sslMode)
            {
                builder.SslMode = ParseSslMode(sslMode, "DB_SSLMODE");
            }

            return builder.ConnectionString;
        }

        if (configuration.GetConnectionString("Postgres") is { Length: > 0 } connectionString)
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
            }
            catch (ArgumentException exception)
            {
                throw new ConfigurationException($"ConnectionStrings__Postgres is not a valid connection string: {exception.Message}");
            }
        }

        throw new ConfigurationException(
            "No database is configured: set DATABASE_URL (postgres://user:pass@host:port/db?sslmode=require), or DB_HOST, DB_PORT, " +
            "DB_NAME, DB_USER, DB_PASSWORD and DB_SSLMODE, or ConnectionStrings__Postgres. Locally, ./promostack run does it for you.");
    }

    /// <summary>Parses <c>postgres://user:pass@host:port/db?sslmode=...</c> (also <c>postgresql://</c>).</summary>
    public static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql") || uri.Host.Length == 0)
        {
            throw new ConfigurationException("DATABASE_URL must look like postgres://user:password@host:5432/database?sslmode=require.");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length == 0)
        {
            throw new ConfigurationException("DATABASE_URL names no user (postgres://user:password@host:5432/database).");
        }

        if (uri.Port == 0)
        {
            throw new ConfigurationException("DATABASE_URL's port must be between 1 and 65535.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.DnsSafeHost : uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = Uri.UnescapeDataString(userInfo[0]),
            Password = userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : null,
        };
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw new ConfigurationException("DATABASE_URL names no database (postgres://user:password@host:5432/database).");
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0] == "sslmode" && parts.Length == 2)
            {
                builder.SslMode = ParseSslMode(Uri.UnescapeDataString(parts[1]), "DATABASE_URL's sslmode");
            }
        }

        return builder.ConnectionString;
    }

    private static SslMode ParseSslMode(string value, string name) =>
        value.Replace("-", string.Empty, StringComparison.Ordinal) switch
        {
            var v when !v.Any(char.IsDigit) && Enum.TryParse<SslMode>(v, ignoreCase: true, out var mode) => mode,
            _ => throw new ConfigurationException($"{name} '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
        };

    private static int ParsePort(string? value, string name) =>
        value is null or "" ? 5432
        : int.TryParse(value, out var port) && port is > 0 and < 65536 ? port
        : throw new ConfigurationException($"{name} '{value}' is not a port number.");

    private static string Required(IConfiguration configuration, string name) =>
        configuration[name] is { Length: > 0 } value ? value : throw new ConfigurationException($"{name} is required when DB_HOST is set.");
}
