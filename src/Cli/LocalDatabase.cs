using System.Net;
using Npgsql;

namespace PromoStack.Cli;

/// <summary>
/// Whether a connection string leads to this machine only: every host is <c>localhost</c>, a loopback address
/// (<c>127.0.0.1</c>, <c>::1</c>) or a unix socket. What a development-only verb checks before it writes a dev user,
/// demo data or a token, so neither ever lands in a shared or production database.
/// </summary>
public static class LocalDatabase
{
    public static bool IsLocal(string connectionString)
    {
        var hosts = new NpgsqlConnectionStringBuilder(connectionString).Host;
        return !string.IsNullOrWhiteSpace(hosts)
            && hosts.Split(',', StringSplitOptions.TrimEntries).All(host => host.Length > 0 && IsLocalHost(host));
    }

    /// <summary>The hosts a connection string names, for a message.</summary>
    public static string Hosts(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Host ?? "(none)";

    private static bool IsLocalHost(string host)
    {
        // A unix socket directory (or Linux's abstract namespace): the server runs on this machine.
        if (host[0] is '/' or '@')
        {
            return true;
        }

        var name = WithoutPort(host);
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Npgsql's multi-host form may give each host its port: <c>host:5432</c>, <c>[::1]:5432</c>.</summary>
    private static string WithoutPort(string host)
    {
        if (host.StartsWith('['))
        {
            var end = host.IndexOf(']', StringComparison.Ordinal);
            return end > 0 ? host[1..end] : host;
        }

        return host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':', StringComparison.Ordinal)] : host;
    }
}
