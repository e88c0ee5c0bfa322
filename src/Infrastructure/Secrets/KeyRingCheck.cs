using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>
/// Start-up check: when the database already holds a key ring, the configured master key must decrypt it. Without
/// this an app with a wrong <c>Secrets__MasterKey</c> would start, make itself a new key, and fail later on every
/// secret stored before.
/// </summary>
public static class KeyRingCheck
{
    public static void EnsureReadable(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IKeyManager>().GetAllKeys();
        if (keys.Count > 0 && !keys.Any(CanDecrypt))
        {
            throw new ConfigurationException(
                "Secrets__MasterKey does not decrypt the Data Protection key ring stored in the database: start with the master key " +
                "these secrets were stored under (a new key would make every stored bot token and Stripe key unreadable).");
        }
    }

    private static bool CanDecrypt(IKey key)
    {
        try
        {
            _ = key.Descriptor;
            return true;
        }
        catch (Exception exception) when (exception is System.Security.Cryptography.CryptographicException or FormatException or InvalidOperationException)
        {
            return false;
        }
    }
}
