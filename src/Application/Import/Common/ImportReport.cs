namespace PromoStack.Application.Import;

/// <summary>What an import (or a dry run) found and did, per tenant and table; saved as JSON and printed.</summary>
public sealed record ImportReport(
    string Source, string ServerTimeZone, string SourceTimeZone, bool DryRun, DateTimeOffset At, IReadOnlyList<TenantImportReport> Tenants,
    IReadOnlyList<string> AbsentTables, IReadOnlyList<QuarantineNote> Orphans, IReadOnlyList<string> Notes)
{
    public int Quarantined => Tenants.Sum(t => t.Quarantined) + Orphans.Count;

    public bool Failed => Tenants.Any(t => t.Outcome == TenantOutcome.Failed || t.Outcome == TenantOutcome.Refused);
}

/// <summary>One tenant: where it goes, what happened, and its tables.</summary>
public sealed record TenantImportReport(
    string SourceTenantId, string TenantId, TenantOutcome Outcome, string? Reason, IReadOnlyList<TableReport> Tables,
    IReadOnlyList<string> Secrets, IReadOnlyList<SettingNote> Settings, IReadOnlyList<QuarantineNote> QuarantinedRows, IReadOnlyList<string> Notes)
{
    public int Quarantined => QuarantinedRows.Count;
}

/// <summary>
/// <c>imported</c> (or <c>would_import</c> in a dry run), <c>already_imported</c> (a second run: nothing changed),
/// <c>refused</c> (PromoStack already has data for it), <c>failed</c> (rolled back whole; the reason says why).
/// </summary>
public enum TenantOutcome
{
    Imported,
    WouldImport,
    AlreadyImported,
    Refused,
    Failed,
}

/// <summary>
/// A table of the original for one tenant: rows found, rows imported (or that would be), rows quarantined, rows
/// left out by design (with the reason in the notes), and the rows PromoStack's table held before and after.
/// </summary>
public sealed record TableReport(string Table, string Target, long Found, long Imported, long Quarantined, long Skipped, long? TargetBefore, long? TargetAfter);

/// <summary>A setting of the original: carried over as is, renamed, or dropped, and why.</summary>
public sealed record SettingNote(string Table, string Key, string? NewKey, string Action, string? Reason);

/// <summary>A row that could not be brought over.</summary>
public sealed record QuarantineNote(string Table, string Key, string Reason);
