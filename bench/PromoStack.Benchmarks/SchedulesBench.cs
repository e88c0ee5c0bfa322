using Npgsql;

namespace PromoStack.Benchmarks;

/// <summary>
/// Schedules with many tenants: thousands of tenants (one in ten with the signal engine on), then the API's own
/// minute tick runs every due job for each; measured from the tick's minute to its last run's end, per job, with how
/// late the last run started. Run alone (BENCH_ONLY=schedules): the tenants stay in the bench database.
/// </summary>
internal static class SchedulesBench
{
    public static async Task RunAsync(NpgsqlDataSource db, int tenants)
    {
        Console.WriteLine($"schedules: {tenants} tenants, {tenants / 10} with the signal engine on; the API's minute ticks run every due job for each");
        await using (var seed = db.CreateBatch())
        {
            seed.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO tenants (id, name, timezone, created_at) SELECT 'sched-' || g, 'Tenant ' || g, 'Europe/London', now() " +
                "FROM generate_series(1, $1) AS g ON CONFLICT DO NOTHING") { Parameters = { new() { Value = tenants } } });
            seed.BatchCommands.Add(new NpgsqlBatchCommand(
                "INSERT INTO forex_config (tenant_id, setting_key, setting_value) SELECT 'sched-' || g, 'enabled', 'true' " +
                "FROM generate_series(1, $1, 10) AS g ON CONFLICT DO NOTHING") { Parameters = { new() { Value = tenants } } });
            await seed.ExecuteNonQueryAsync();
        }

        // Three ticks after the tenants exist: the first may have started before they did.
        var first = NextMinute(DateTimeOffset.UtcNow.AddSeconds(2));
        for (var tick = first; tick < first.AddMinutes(3); tick = tick.AddMinutes(1))
        {
            var wait = tick.AddSeconds(1) - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            await SettledAsync(db, tick);
            await using var command = db.CreateCommand(
                """
                SELECT job, count(*), count(*) FILTER (WHERE completed_at IS NULL), extract(epoch FROM max(completed_at) - $1)
                FROM schedule_slots WHERE claimed_at >= $1 AND claimed_at < $1 + interval '1 minute' AND tenant_id LIKE 'sched-%'
                GROUP BY job ORDER BY job
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = tick });
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            var last = 0.0;
            var runs = 0L;
            while (await reader.ReadAsync())
            {
                var done = reader.IsDBNull(3) ? double.NaN : (double)reader.GetDecimal(3);
                last = Math.Max(last, double.IsNaN(done) ? 0 : done);
                runs += reader.GetInt64(1);
                lines.Add($"{reader.GetString(0)} {reader.GetInt64(1)} runs ({reader.GetInt64(2)} unfinished), last done +{done:F1} s");
            }

            Console.WriteLine($"  tick {tick:HH:mm}: {runs} runs, all done {last:F1} s after the minute");
            foreach (var line in lines)
            {
                Console.WriteLine($"    {line}");
            }
        }
    }

    /// <summary>Waits until the tick's runs stop growing and none is unfinished (at most 2 minutes).</summary>
    private static async Task SettledAsync(NpgsqlDataSource db, DateTimeOffset tick)
    {
        var seen = -1L;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await using var command = db.CreateCommand(
                "SELECT count(*) * (CASE WHEN bool_or(completed_at IS NULL) THEN -1 ELSE 1 END) FROM schedule_slots WHERE claimed_at >= $1 AND claimed_at < $1 + interval '1 minute'");
            command.Parameters.Add(new NpgsqlParameter { Value = tick });
            var now = (long)(await command.ExecuteScalarAsync() ?? 0L);
            if (now > 0 && now == seen)
            {
                return;
            }

            seen = now;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    private static DateTimeOffset NextMinute(DateTimeOffset at) =>
        new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero).AddMinutes(1);
}
