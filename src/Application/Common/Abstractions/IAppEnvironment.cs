namespace PromoStack.Application.Common.Abstractions;

/// <summary>Where the app runs, for the few things only Development allows (sandbox bots).</summary>
public interface IAppEnvironment
{
    bool IsDevelopment { get; }
}
