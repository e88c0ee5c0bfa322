using Mediator;

namespace PromoStack.Application.Common.Messaging;

/// <summary>Which messages the audit log records when a signed-in user sends them: every command, and the <see cref="IAuditedQuery"/>s.</summary>
public static class AuditedMessages
{
    public static bool Includes(Type message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return typeof(IBaseCommand).IsAssignableFrom(message) || typeof(IAuditedQuery).IsAssignableFrom(message) || typeof(IAuditedRequest).IsAssignableFrom(message);
    }
}
