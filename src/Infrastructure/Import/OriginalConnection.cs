using Npgsql;

namespace PromoStack.Infrastructure.Import;

/// <summary>
/// The original database's address as the person gives it: a <c>postgres://user:password@host:port/database</c>
/// URL (as hosting providers print them; <c>?sslmode=require</c> is honoured) or an Npgsql connection string.
/// </summary>
public static class OriginalConnection
{
    public static NpgsqlConnectionStringBuilder Parse(string connection)
    {
        if (!connection.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !connection.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(connection);
            }
            catch (ArgumentException exception)
            {
                throw new FormatException("--from is neither a postgres:// URL nor a connection string (Host=…;Database=…).", exception);
            }
        }

        if (!Uri.TryCreate(connection, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException("--from is not a valid postgres:// URL (postgres://user:password@host:port/database).");
        }

        var credentials = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = credentials.Length > 0 && credentials[0].Length > 0 ? Uri.UnescapeDataString(credentials[0]) : null,
            Password = credentials.Length > 1 ? Uri.UnescapeDataString(credentials[1]) : null,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts[0].Equals("sslmode", StringComparison.OrdinalIgnoreCase) && parts.Length == 2
                && Enum.TryParse<SslMode>(parts[1].Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var mode))
            {
                builder.SslMode = mode;
            }
        }

        return builder;
    }
}
