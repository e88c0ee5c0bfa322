using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Tenants;
using PromoStack.WebApi.IntegrationTests.Infrastructure;

namespace PromoStack.WebApi.IntegrationTests.Subscriptions;

/// <summary>
/// Model-based test of payments: random worlds of checkouts on one Stripe account shared by two tenants — ours and
/// foreign ones (a Payment Link), typed emails that collide, one-time and subscription purchases, delayed payments,
/// refunds and deletions — whose events are delivered to both tenants' webhooks in a random order with duplicates.
/// After each world the invariants hold: no access without our sale; Stripe ids never change owner; one Telegram user
/// per subscription; each event handled at most once per tenant; access independent of the delivery order.
/// </summary>
public sealed class PaymentModelTests(AppFixture fixture) : IntegrationTest(fixture)
{
    private const string Secret = "whsec_modelSigningSecret0123456789";
    private static readonly string[] Tenants = ["alpha", "beta"];
    private static readonly string[] Emails = ["ana@example.com", "bo@example.com", "cy@example.com"];
    private DateTimeOffset _now;

    /// <summary>Seeds of failures found while writing this test, kept as fixed cases.</summary>
    [Theory]
    [InlineData("refund-before-completion")]
    [InlineData("collision-then-foreign")]
    public async Task KnownFailures_StayFixed(string name)
    {
        var world = name switch
        {
            // A refund delivered before the completion of the checkout it refunds used to leave lifetime access.
            "refund-before-completion" => new World(
                [new Purchase(0, true, false, 0, 11, Payment.Refunded)],
                [new Delivery(1, false), new Delivery(0, false)]),

            // A foreign checkout typing an email an earlier purchase of ours holds.
            _ => new World(
                [new Purchase(0, true, false, 0, 11, Payment.Paid), new Purchase(0, false, false, 0, 12, Payment.Paid)],
                [new Delivery(0, false), new Delivery(1, false), new Delivery(0, true)]),
        };

        await CheckAsync(world);
    }

    [Fact]
    public async Task RandomWorldsOfPurchasesAndDeliveries_KeepEveryInvariant() =>
        await WorldGen.SampleAsync(CheckAsync, iter: 40, threads: 1, print: w => w.ToString());

    private static readonly Gen<Purchase> PurchaseGen =
        Gen.Select(Gen.Int[0, 1], Gen.Bool, Gen.Bool, Gen.Int[0, Emails.Length - 1], Gen.Int[1, 3], Gen.Enum<Payment>())
            .Select((tenant, ours, subscription, email, user, payment) => new Purchase(tenant, ours, subscription, email, user, payment));

    private static readonly Gen<World> WorldGen =
        PurchaseGen.Array[1, 5].SelectMany(purchases =>
        {
            var events = purchases.Sum(p => EventsOf(p).Count);
            return Gen.Select(Gen.Int[0, events - 1], Gen.Bool).Select((e, dup) => new Delivery(e, dup)).Array[events, events + 4]
                .Select(deliveries => new World(purchases, deliveries));
        });

    private async Task CheckAsync(World world)
    {
        await ResetAsync();
        var ids = new int?[world.Purchases.Length];
        for (var i = 0; i < world.Purchases.Length; i++)
        {
            var purchase = world.Purchases[i];
            if (purchase.Ours)
            {
                var plan = purchase.Subscription ? PlanType.Monthly : PlanType.Lifetime;
                await InTenantAsync(Tenants[purchase.Tenant], async services =>
                    ids[i] = await StripeWebhooks.SeedPendingCheckoutAsync(services, Tenants[purchase.Tenant], plan, _now, purchase.TelegramUser));
            }
        }

        // Every event of the world, in the order Stripe created them; the deliveries pick among them (any order, repeats).
        var events = world.Purchases.SelectMany((p, i) => EventsOf(p).Select(e => (Purchase: i, Event: e))).ToList();
        var delivered = new HashSet<int>();
        foreach (var delivery in world.Deliveries.Append(new Delivery(0, false)).Concat(Enumerable.Range(0, events.Count).Select(e => new Delivery(e, false))))
        {
            var (index, e) = (delivery.Event % events.Count, events[delivery.Event % events.Count]);
            delivered.Add(index);
            var body = Body(world.Purchases[e.Purchase], e.Purchase, ids[e.Purchase], e.Event, index);
            foreach (var tenant in delivery.Twice ? Tenants.Concat(Tenants) : Tenants)
            {
                var response = await StripeWebhooks.PostAsync(Factory.CreateClient(), body, Secret, _now, tenant);
                response.StatusCode.Should().Be(HttpStatusCode.OK, $"{e.Event.Type} for {tenant}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        var rows = await RowsAsync();

        // No access without our sale: the only subscriptions are the pending ones our checkouts made.
        rows.Select(r => r.Id).Should().BeSubsetOf(ids.OfType<int>());
        for (var i = 0; i < world.Purchases.Length; i++)
        {
            if (ids[i] is not { } id)
            {
                continue;
            }

            var purchase = world.Purchases[i];
            var row = rows.Single(r => r.Id == id);
            row.Tenant.Should().Be(Tenants[purchase.Tenant]);

            // Stripe ids never change owner; one Telegram user per subscription.
            (row.Customer is null || row.Customer == $"cus_{i}").Should().BeTrue($"subscription {id} is purchase {i}'s, not {row.Customer}'s");
            (row.StripeSubscription is null || row.StripeSubscription == $"sub_{i}").Should().BeTrue($"subscription {id} is purchase {i}'s, not {row.StripeSubscription}'s");
            row.TelegramUser.Should().Be(purchase.TelegramUser);
            (row.Email is null || row.Email == Emails[purchase.Email]).Should().BeTrue("a subscription holds its own payer's email or none");

            // Access depends on which events were delivered, never on their order (deletions and refunds are final).
            row.Active.Should().Be(purchase.GrantsAccess, $"purchase {i} ({purchase}) ends {row.Status}");
        }

        // Each event handled at most once per tenant: one ledger row per (tenant, event) delivered, whatever the repeats.
        (await TestDatabase.ScalarAsync<long>("SELECT count(*) FROM processed_webhook_events")).Should().Be(Tenants.Length * delivered.Count);
        (await TestDatabase.ScalarAsync<long>(
                "SELECT count(*) FROM (SELECT payload->>'subscriptionId' FROM domain_events WHERE event_type LIKE '%SubscriptionActivated%' GROUP BY 1 HAVING count(*) > 1) AS twice"))
            .Should().Be(0, "no subscription is activated twice");
    }

    /// <summary>The events Stripe creates for a purchase, in the order it creates them.</summary>
    private static List<StripeEvent> EventsOf(Purchase p)
    {
        var events = new List<StripeEvent>();
        if (p.Subscription)
        {
            events.Add(new("checkout.session.completed", Paid: true));
            if (p.Payment != Payment.Failed)
            {
                events.Add(new("customer.subscription.created", Paid: true));
                events.Add(new("invoice.paid", Paid: true));
            }

            if (p.Payment == Payment.Refunded)
            {
                events.Add(new("customer.subscription.deleted", Paid: true));
            }

            return events;
        }

        var delayed = p.Payment is Payment.Delayed or Payment.Failed;
        events.Add(new("checkout.session.completed", Paid: !delayed));
        if (p.Payment == Payment.Delayed)
        {
            events.Add(new("checkout.session.async_payment_succeeded", Paid: true));
        }
        else if (p.Payment == Payment.Failed)
        {
            events.Add(new("checkout.session.async_payment_failed", Paid: false));
        }
        else if (p.Payment == Payment.Refunded)
        {
            events.Add(new("charge.refunded", Paid: true));
        }

        return events;
    }

    private string Body(Purchase p, int i, int? id, StripeEvent e, int index)
    {
        var metadata = p.Ours ? StripeWebhooks.OurMetadata(Tenants[p.Tenant], id!.Value, p.Subscription ? "monthly" : "lifetime") : new JsonObject();
        var created = _now.AddSeconds(index);
        JsonObject obj = e.Type switch
        {
            "customer.subscription.created" or "customer.subscription.deleted" => new()
            {
                ["id"] = $"sub_{i}", ["object"] = "subscription", ["customer"] = $"cus_{i}", ["status"] = e.Type.EndsWith("deleted", StringComparison.Ordinal) ? "canceled" : "active",
                ["current_period_end"] = _now.AddDays(30).ToUnixTimeSeconds(), ["metadata"] = metadata.DeepClone(),
            },
            "invoice.paid" => new()
            {
                ["id"] = $"in_{i}", ["object"] = "invoice", ["customer"] = $"cus_{i}", ["subscription"] = $"sub_{i}", ["customer_email"] = Emails[p.Email],
                ["lines"] = new JsonObject { ["data"] = new JsonArray(new JsonObject { ["period"] = new JsonObject { ["end"] = _now.AddDays(30).ToUnixTimeSeconds() }, ["metadata"] = metadata.DeepClone() }) },
            },
            "charge.refunded" => new()
            {
                ["id"] = $"ch_{i}", ["object"] = "charge", ["customer"] = $"cus_{i}", ["payment_intent"] = $"pi_{i}", ["refunded"] = true, ["metadata"] = metadata.DeepClone(),
            },
            _ => new()
            {
                ["id"] = $"cs_{i}", ["object"] = "checkout.session", ["mode"] = p.Subscription ? "subscription" : "payment", ["payment_status"] = e.Paid ? "paid" : "unpaid",
                ["customer"] = $"cus_{i}", ["subscription"] = p.Subscription ? $"sub_{i}" : null, ["payment_intent"] = p.Subscription ? null : $"pi_{i}",
                ["customer_details"] = new JsonObject { ["email"] = Emails[p.Email] }, ["metadata"] = metadata.DeepClone(),
            },
        };
        return StripeWebhooks.Event($"evt_{i}_{e.Type}", e.Type, obj, created);
    }

    private async Task ResetAsync()
    {
        await InitializeAsync();
        _now = Factory.Clock.GetUtcNow();
        foreach (var tenant in Tenants)
        {
            await using (var db = TestDatabase.CreateContext(tenant))
            {
                db.Tenants.Add(Tenant.Create(tenant, tenant, null, _now));
                await db.SaveChangesAsync();
            }

            await InTenantAsync(tenant, services => StripeWebhooks.SaveSecretsAsync(services, tenant, Secret, _now));
        }
    }

    private static async Task<List<Row>> RowsAsync()
    {
        await using var db = TestDatabase.CreateContext();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.IgnoreQueryFilters(db.TelegramSubscriptions)
                .Select(s => new Row(s.Id, s.TenantId, s.Status.ToString(), s.Status == SubscriptionStatus.Active, s.StripeCustomerId, s.StripeSubscriptionId, s.TelegramUserId, s.Email)));
    }

    public enum Payment
    {
        Paid,
        Delayed,
        Failed,
        Refunded,
    }

    /// <param name="Tenant">Whose checkout (alpha or beta): both receive every event of the shared account.</param>
    /// <param name="Ours">Made by PromoStack (a pending subscription first, our metadata), or a Payment Link of the same account.</param>
    /// <param name="Email">The email the payer types (from a small pool, so they collide).</param>
    public sealed record Purchase(int Tenant, bool Ours, bool Subscription, int Email, long TelegramUser, Payment Payment)
    {
        /// <summary>Once every event is delivered: ours and paid, and not refunded or deleted.</summary>
        public bool GrantsAccess => Ours && (Payment == Payment.Paid || Payment == Payment.Delayed);

        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"{Tenants[Tenant]} {(Ours ? "ours" : "foreign")} {(Subscription ? "subscription" : "one-time")} {Emails[Email]} tg{TelegramUser} {Payment}");
    }

    /// <param name="Event">Which of the world's events (modulo their number).</param>
    /// <param name="Twice">Delivered twice to each tenant (Stripe's at-least-once delivery).</param>
    public sealed record Delivery(int Event, bool Twice);

    public sealed record World(Purchase[] Purchases, Delivery[] Deliveries)
    {
        public override string ToString() =>
            $"{string.Join("; ", Purchases.Select(p => p.ToString()))} | deliveries {string.Join(",", Deliveries.Select(d => d.Twice ? $"{d.Event}x2" : $"{d.Event}"))}";
    }

    private sealed record StripeEvent(string Type, bool Paid);

    private sealed record Row(int Id, string Tenant, string Status, bool Active, string? Customer, string? StripeSubscription, long? TelegramUser, string? Email);
}
