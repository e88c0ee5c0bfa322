namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// Stable pseudonyms for personal data that must be counted but not kept (a web visitor's address): a keyed hash,
/// so the value cannot be recovered by hashing every candidate without the key.
/// </summary>
public interface IPseudonyms
{
    /// <summary>32 hex characters, the same for the same purpose and value.</summary>
    string Of(string purpose, string value);
}
