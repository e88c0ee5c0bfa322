using Microsoft.Extensions.Configuration;
using PromoStack.Infrastructure.Configuration;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>The 256-bit key from <c>Secrets__MasterKey</c> that encrypts the Data Protection key ring at rest.</summary>
public sealed class MasterKey
{
    public const int Length = 32;

    private MasterKey(byte[] bytes) => Bytes = bytes;

    internal byte[] Bytes { get; }

    public static MasterKey FromConfiguration(IConfiguration configuration)
    {
        var value = configuration["Secrets:MasterKey"];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(
                "Secrets__MasterKey is required: 32 random bytes in base64 (e.g. `openssl rand -base64 32`). ./promostack run makes one under .local/.");
        }

        try
        {
            var bytes = Convert.FromBase64String(value.Trim());
            return bytes.Length == Length
                ? new MasterKey(bytes)
                : throw new ConfigurationException($"Secrets__MasterKey must be {Length} bytes in base64; it is {bytes.Length} bytes.");
        }
        catch (FormatException)
        {
            throw new ConfigurationException("Secrets__MasterKey is not valid base64.");
        }
    }

    public override string ToString() => "MasterKey(***)";
}
