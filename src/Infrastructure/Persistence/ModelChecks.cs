using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PromoStack.Domain.Common;

namespace PromoStack.Infrastructure.Persistence;

/// <summary>Start-up check: every persisted type is either tenant-owned (or the platform's when it names no tenant) or explicitly global.</summary>
public static class ModelChecks
{
    /// <summary>Framework tables with no tenant (the Data Protection key ring).</summary>
    private static readonly HashSet<Type> FrameworkTables = [typeof(DataProtectionKey)];

    public static void EnsureTenancyIsDeclared(IModel model)
    {
        var undeclared = model.GetEntityTypes()
            .Select(e => e.ClrType)
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t) && !typeof(ITenantOrPlatformOwned).IsAssignableFrom(t) && !typeof(IGlobalEntity).IsAssignableFrom(t)
                && !FrameworkTables.Contains(t))
            .Select(t => t.Name)
            .ToList();
        if (undeclared.Count > 0)
        {
            throw new InvalidOperationException(
                $"These persisted types are neither ITenantOwned nor IGlobalEntity: {string.Join(", ", undeclared)}. Declare which they are.");
        }
    }
}
