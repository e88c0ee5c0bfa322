namespace PromoStack.Application.Common.Exceptions;

/// <summary>
/// A service outside PromoStack (Telegram, Stripe, a market data provider, the identity provider) could not be
/// reached, timed out or failed on its side: a 503, try again. Each adapter derives its own, so callers that handle
/// one vendor can, and the API maps them all by this category without knowing the vendors.
/// </summary>
public abstract class OutsideServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
