namespace PromoStack.Application.Common.Messaging;

/// <summary>
/// A query the audit log records like a change when a signed-in user sends it: one that hands out personal data in
/// bulk (the CSV exports, the lists of subscribers, leads, entrants and journey answers) or lets a platform operator
/// look across tenants. Every command is recorded without a marker.
/// </summary>
public interface IAuditedQuery;
