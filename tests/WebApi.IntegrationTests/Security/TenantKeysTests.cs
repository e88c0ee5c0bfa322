using System.Text.RegularExpressions;
using PromoStack.WebApi.IntegrationTests.Coupons.Rendering;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Security;

/// <summary>
/// <c>docs/scaling.md</c> lists every key of a table with <c>tenant_id</c> that a distribution by tenant would have to
/// change: unique keys that do not start with <c>tenant_id</c>, exclusion constraints, and foreign keys between tenant
/// tables that do not hold <c>tenant_id</c>. The list is checked against the schema the migration makes, both ways.
/// </summary>
public sealed partial class TenantKeysTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Schema = """
        WITH tenant_tables AS (
            SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
              AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
        SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM (
            SELECT i.relname::text AS name
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid IN (SELECT oid FROM tenant_tables) AND x.indisunique
              AND (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[0]) IS DISTINCT FROM 'tenant_id'
            UNION ALL
            SELECT conname::text FROM pg_constraint WHERE contype = 'x' AND conrelid IN (SELECT oid FROM tenant_tables)
            UNION ALL
            SELECT c.conname::text FROM pg_constraint c
            WHERE c.contype = 'f' AND c.conrelid IN (SELECT oid FROM tenant_tables) AND c.confrelid IN (SELECT oid FROM tenant_tables)
              AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) AND a.attname = 'tenant_id')
        ) AS keys
        """;

    [Fact]
    public async Task EveryKeyThatDistributingByTenantWouldChange_IsListedInTheScalingDocument_AndNothingElse()
    {
        var inSchema = await TestDatabase.ScalarAsync<string[]>(Schema);
        var document = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "docs", "scaling.md"));
        var section = ListedSection().Match(document);

        section.Success.Should().BeTrue("docs/scaling.md marks its list with <!-- keys-not-led-by-tenant_id --> … <!-- /keys-not-led-by-tenant_id -->");
        var listed = KeyName().Matches(section.Groups["list"].Value).Select(m => m.Groups["name"].Value).Distinct().Order(StringComparer.Ordinal);
        inSchema.Should().Contain("pk_telegram_outbox", "a scan that finds nothing is broken");
        listed.Should().BeEquivalentTo(inSchema, "docs/scaling.md must list exactly the keys the schema has that do not start with tenant_id");
    }

    [GeneratedRegex("<!-- keys-not-led-by-tenant_id -->(?<list>.*?)<!-- /keys-not-led-by-tenant_id -->", RegexOptions.Singleline)]
    private static partial Regex ListedSection();

    [GeneratedRegex("`(?<name>(?:pk|ix|ux|ex|fk)_[a-z0-9_]+)`")]
    private static partial Regex KeyName();
}
