namespace PromoStack.Application.Common.Messaging;

/// <summary>
/// A plain request (not a command: it runs outside the transaction behaviour, like the webhook's inbox insert) that a
/// signed-in user sends to change something, recorded by the audit log as a command is.
/// </summary>
public interface IAuditedRequest;
