namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// Encrypts secrets (bot tokens, Stripe keys, webhook secrets) for storage. Ciphertexts are bound to a purpose so
/// that one kind of secret can never be decrypted as another.
/// </summary>
public interface ISecretProtector
{
    string Protect(string purpose, string plaintext);

    string Unprotect(string purpose, string ciphertext);
}
