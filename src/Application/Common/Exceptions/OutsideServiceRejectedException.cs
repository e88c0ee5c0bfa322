namespace PromoStack.Application.Common.Exceptions;

/// <summary>
/// A service outside PromoStack refused the request (a bad key, an unknown account, a bot without rights): a 400 with
/// the service's reason, since what the caller gave has to change. Each adapter derives its own; the API maps them all
/// by this category.
/// </summary>
public abstract class OutsideServiceRejectedException(string message) : Exception(message);
