using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace PromoStack.Infrastructure.Secrets;

/// <summary>Activated by Data Protection by type name from the stored key XML.</summary>
public sealed class MasterKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        MasterKeyXmlEncryptor.Decrypt(services.GetRequiredService<MasterKey>(), encryptedElement);
}
