namespace PromoStack.Application.Common.Exceptions;

/// <summary>The resource does not exist for the current tenant (404: another tenant's rows are not revealed).</summary>
public sealed class NotFoundException(string resource, object key) : Exception($"{resource} '{key}' was not found.");

/// <summary>The signed-in user may not do this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>A unique rule was broken, e.g. a duplicate slug (409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A tenant-scoped message was sent without a tenant (a programming error, never a client error).</summary>
public sealed class MissingTenantException(string messageName)
    : Exception($"{messageName} acts on a tenant's data but no tenant is set for this unit of work.");
