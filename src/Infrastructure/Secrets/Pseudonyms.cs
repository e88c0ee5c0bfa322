using System.Security.Cryptography;
using System.Text;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>HMAC-SHA256 under a key derived from the master key (HKDF, one key per purpose).</summary>
public sealed class Pseudonyms(MasterKey masterKey) : IPseudonyms
{
    public string Of(string purpose, string value)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey.Bytes, 32, info: Encoding.UTF8.GetBytes($"PromoStack.Pseudonyms/{purpose}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)))[..32];
    }
}
