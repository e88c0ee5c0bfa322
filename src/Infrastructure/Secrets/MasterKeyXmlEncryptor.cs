using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>
/// Encrypts each Data Protection key with AES-256-GCM under the master key before it is stored in PostgreSQL, so a
/// database dump alone reveals neither the keys nor the secrets they protect.
/// </summary>
public sealed class MasterKeyXmlEncryptor(MasterKey masterKey) : IXmlEncryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var output = new byte[NonceSize + TagSize + plaintext.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(masterKey.Bytes, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under Secrets__MasterKey: nonce | tag | ciphertext "),
            new XElement("value", Convert.ToBase64String(output)));
        return new EncryptedXmlInfo(element, typeof(MasterKeyXmlDecryptor));
    }

    internal static XElement Decrypt(MasterKey masterKey, XElement encryptedElement)
    {
        var input = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? string.Empty);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted key is truncated.");
        }

        var plaintext = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(masterKey.Bytes, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plaintext);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
