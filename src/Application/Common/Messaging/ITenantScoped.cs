namespace PromoStack.Application.Common.Messaging;

/// <summary>A message that acts on the current tenant's data; it is rejected when no tenant is set.</summary>
public interface ITenantScoped;
