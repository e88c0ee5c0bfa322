using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>
/// Secrets at rest through ASP.NET Core Data Protection, one protector per purpose. Decrypted values are kept in
/// memory by their ciphertext (a rotated secret is a new ciphertext), so a hot path such as verifying each webhook
/// does not derive keys and decrypt every time; the cache is bounded and never written anywhere.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Root = "PromoStack.Secrets";
    private const int MaxCached = 10_000;
    private readonly ConcurrentDictionary<(string Purpose, string Ciphertext), string> _plaintexts = new();

    public string Protect(string purpose, string plaintext) => provider.CreateProtector(Root, purpose).Protect(plaintext);

    public string Unprotect(string purpose, string ciphertext)
    {
        if (_plaintexts.TryGetValue((purpose, ciphertext), out var cached))
        {
            return cached;
        }

        var plaintext = provider.CreateProtector(Root, purpose).Unprotect(ciphertext);
        if (_plaintexts.Count >= MaxCached)
        {
            _plaintexts.Clear();
        }

        _plaintexts[(purpose, ciphertext)] = plaintext;
        return plaintext;
    }
}
