using System.Text.Json;
using Npgsql;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Audit;

/// <summary>One <c>audit_log</c> row as stored, with the whole row as text (to look for a secret anywhere in it).</summary>
public sealed record AuditRow(
    long Id, string? TenantId, string UserId, string? UserEmail, string? UserRole, bool PlatformOperator, string Action, JsonElement Fields, string? ClientAddress,
    string Whole);

/// <summary>The audit log as the database holds it, read past the app.</summary>
public static class AuditRows
{
    public static async Task<List<AuditRow>> AllAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT id, tenant_id, user_id, user_email, user_role, platform_operator, action, fields::text, host(client_address), a::text
            FROM audit_log a ORDER BY id
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetBoolean(5), reader.GetString(6), JsonDocument.Parse(reader.GetString(7)).RootElement.Clone(),
                reader.IsDBNull(8) ? null : reader.GetString(8), reader.GetString(9)));
        }

        return rows;
    }

    /// <summary>Runs <paramref name="change"/>, which must succeed, and returns the one entry it recorded (failing unless exactly one).</summary>
    public static async Task<AuditRow> OfAsync(Func<Task<HttpResponseMessage>> change)
    {
        var before = (await AllAsync()).Select(r => r.Id).DefaultIfEmpty(0).Max();
        var response = await change();
        response.IsSuccessStatusCode.Should().BeTrue(await response.Content.ReadAsStringAsync());
        var added = (await AllAsync()).Where(r => r.Id > before).ToList();
        return added.Should().ContainSingle("one change, one entry").Subject;
    }
}
