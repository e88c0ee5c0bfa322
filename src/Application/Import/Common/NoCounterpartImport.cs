namespace PromoStack.Application.Import;

/// <summary>
/// The original's tables that have no counterpart here, read so that each row is counted and the report says why it
/// stays behind (nothing is left out silently): hype chat (AI-written channel posts), the AI's recent phrases, and
/// the onboarding wizard's progress (an imported tenant is set up).
/// </summary>
internal static class NoCounterpartImport
{
    private static readonly (string Table, string Reason, bool ByFlow)[] Tables =
    [
        ("hype_prompts", "hype chat (AI-written posts in the FREE channel) has no counterpart in PromoStack; cross-promotion and broadcasts cover the channel", false),
        ("hype_flows", "hype chat has no counterpart in PromoStack; cross-promotion and broadcasts cover the channel", false),
        ("hype_messages", "hype chat's sent posts have no counterpart in PromoStack", false),
        ("hype_flow_steps", "hype chat has no counterpart in PromoStack", true),
        ("recent_phrases", "the AI commentary's memory of its recent phrases has no counterpart", false),
        ("onboarding_state", "the onboarding wizard's progress: an imported tenant is set up", false),
    ];

    public static async Task RunAsync(TenantImportSession session, CancellationToken cancellationToken)
    {
        foreach (var (table, reason, byFlow) in Tables)
        {
            var filter = byFlow ? SourceFilter.Parent("flow_id", "hype_flows", session.SourceTenantId) : SourceFilter.Tenant(session.SourceTenantId);
            await foreach (var row in session.RowsAsync(table, "-", filter, cancellationToken))
            {
                session.Skip(row, "-", reason);
            }
        }
    }
}
