namespace PromoStack.Application.Common.Messaging;

/// <summary>A message that deliberately runs without a tenant (onboarding, platform views, sign-in).</summary>
public interface ITenantAgnostic;
