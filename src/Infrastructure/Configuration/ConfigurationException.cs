namespace PromoStack.Infrastructure.Configuration;

/// <summary>Missing or bad configuration; the message names the environment variable to fix.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
