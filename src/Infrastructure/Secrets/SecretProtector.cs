using Microsoft.AspNetCore.DataProtection;
using PromoStack.Application.Common.Abstractions;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>Secrets at rest through ASP.NET Core Data Protection, one protector per purpose.</summary>
public sealed class SecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    private const string Root = "PromoStack.Secrets";

    public string Protect(string purpose, string plaintext) => provider.CreateProtector(Root, purpose).Protect(plaintext);

    public string Unprotect(string purpose, string ciphertext) => provider.CreateProtector(Root, purpose).Unprotect(ciphertext);
}
