namespace PromoStack.WebApi.OpenApi;

/// <summary>
/// The groups of the API reference and of the generated client: a controller names its group with
/// <c>[Tags(ApiTags.…)]</c>, and <see cref="DocumentInfoTransformer"/> lists every group with its description, in this order.
/// </summary>
public static class ApiTags
{
    public const string Account = "Account";
    public const string AdminApp = "Admin app";
    public const string Development = "Development";
    public const string Audit = "Audit log";
    public const string Workspace = "Workspace";
    public const string Members = "Workspace members";
    public const string Platform = "Platform";
    public const string Bots = "Telegram bots";
    public const string BotReplies = "Bot replies";
    public const string Outbox = "Telegram outbox";
    public const string Leads = "Free leads";
    public const string Audience = "Audience";
    public const string Signals = "Signals";
    public const string Subscriptions = "VIP subscriptions";
    public const string Stripe = "Stripe";
    public const string Broadcasts = "Broadcasts";
    public const string CrossPromo = "Cross-promotion";
    public const string Journeys = "Journeys";
    public const string Campaigns = "Campaigns";
    public const string Coupons = "Coupons";
    public const string CouponAnalytics = "Coupon analytics";
    public const string Import = "Import";
    public const string PublicCheckout = "Public checkout";
    public const string PublicCampaigns = "Public campaign entries";
    public const string PublicCoupons = "Public coupon generator";

    /// <summary>Every group and what it holds, in the order the reference shows them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new(AdminApp, "What the admin app shows first: its public configuration (before sign-in), the home screen and the setup checklist."),
        new(Account, "The signed-in user: the workspaces they belong to, their role in each, and the invitations waiting for their email."),
        new(Workspace, "Onboarding (a user creates a workspace and becomes its admin), the workspace's name, time zone and website origins."),
        new(Members, "Who may use the workspace and as what: admins manage everything, members read. Members join by accepting an invitation."),
        new(Platform, "Across all workspaces, for platform operators only (a role only the database grants)."),
        new(Bots, "The workspace's Telegram bots: the signal bot (VIP and FREE channels), the message bot (private chats) and the coupon bot."),
        new(BotReplies, "What the bots answer to /start, /help, /stop and to anything else."),
        new(Outbox, "Every message to Telegram goes through the outbox: pending, sent, failed with Telegram's reason, or unknown after a crash."),
        new(Audience, "Everyone the bots have met (admins only: personal data): search, filters, one person's timeline, the VIP members."),
        new(Leads, "People who joined the FREE channel or started a bot and never paid."),
        new(Signals, "The forex signal engine: its settings, the signals it opened, its checks, analytics and backtests."),
        new(Subscriptions, "VIP access: subscriptions paid through Stripe or granted by hand, their figures, and revoking them."),
        new(Stripe, "The workspace's Stripe account: keys (never returned), the VIP product and prices, and the cached catalog."),
        new(Broadcasts, "Messages to the bots' users (everyone, VIP subscribers, free leads or coupon users), with progress and cancellation."),
        new(CrossPromo, "Posts from the VIP channel's results into the FREE channel: the morning news and winning signals, on a schedule."),
        new(Journeys, "Conversational flows in the message bot: steps, triggers, the sessions going through them, and their analytics."),
        new(Campaigns, "Contests and promotions: draft, active and ended by their dates or by hand, their entries and the winner's draw."),
        new(Coupons, "The coupon product's set-up: promo image templates and their previews, the coupon settings and the list of valid codes."),
        new(CouponAnalytics, "How the coupon bot and the web generator are used: figures over a period, failed attempts, one user's activity."),
        new(Audit, "Who changed what, when and from where: every admin's and operator's change, export of personal data and look-in, kept a year."),
        new(Import, "The workspace's import from the original system (run from the CLI) and where its traffic goes during the cut-over."),
        new(PublicCheckout, "Called by the workspace's own website, without sign-in: start a VIP checkout. Rate limited; CORS for the site's origins."),
        new(PublicCampaigns, "Called by the workspace's own website, without sign-in: enter a campaign. Rate limited; CORS for the site's origins."),
        new(PublicCoupons, "The public web generator, without sign-in: the templates offered on the web, their images, and a coupon image for a code."),
        new(Development, "Local development only (404 anywhere else): signing in as the demo workspace's admin or member without Clerk, and chatting with sandbox bots."),
    ];
}
